import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const SCRIPTS = [
  'start-console.sh',
  '.ci/run',
  ...fs
    .readdirSync(path.join(root, 'scripts'))
    .filter((f) => f.endsWith('.sh'))
    .map((f) => `scripts/${f}`),
];

describe('shell scripts', () => {
  it.each(SCRIPTS)('%s parses with bash -n', (script) => {
    const result = spawnSync('bash', ['-n', path.join(root, script)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // shellcheck is not a prerequisite of `npm test` (Chromium is the only one), so without it
  // this check is reported as skipped; .ci/run installs it, so CI always runs it.
  const shellcheck = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
  (shellcheck.error ? it.skip : it)(
    'pass shellcheck with no findings (Debian package shellcheck)',
    () => {
      const result = spawnSync(
        'shellcheck',
        SCRIPTS.map((s) => path.join(root, s)),
        { encoding: 'utf8' },
      );
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('start-console.sh runs the console against the current oc login with the plugin on port 9001', () => {
    const text = fs.readFileSync(path.join(root, 'start-console.sh'), 'utf8');
    expect(text).toContain('PLUGIN_NAME="pipcache-plugin"');
    expect(text).toContain('PLUGIN_PORT=9001');
    expect(text).toMatch(/oc whoami --show-token/);
    expect(text).toMatch(
      /BRIDGE_PLUGINS="\$\{PLUGIN_NAME\}=http:\/\/\$\{PLUGIN_HOST\}:\$\{PLUGIN_PORT\}"/,
    );
    expect(text).toMatch(/podman[\s\S]*docker/);
  });

  it('.ci/run installs what a fresh machine lacks and then runs exactly the README test command', () => {
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(ci).toMatch(/apt-get install -y "\$\{missing\[@\]\}"/);
    const commands = ci.split('\n').filter((line) => !line.trim().startsWith('#'));
    expect(commands.join('\n')).not.toMatch(/playwright install/);
    expect(ci.trim().split('\n').pop()).toBe('npm ci && npm test');
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain('npm ci && npm run demo');
  });
});
