import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
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

  describe('start-console.sh says what is missing, one case at a time', () => {
    const bash = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();
    const uname = spawnSync('bash', ['-c', 'command -v uname'], { encoding: 'utf8' }).stdout.trim();
    let bin: string;
    /** A command in the sandbox's PATH that prints its arguments and exits with `code` for `when`. */
    const stub = (name: string, body: string) => {
      const file = path.join(bin, name);
      fs.writeFileSync(file, `#!${bash}\n${body}\n`, { mode: 0o755 });
    };
    // Only the sandbox is on PATH, so that tools installed on this machine do not count.
    const run = (env: Record<string, string> = {}) =>
      spawnSync(bash, [path.join(root, 'start-console.sh')], {
        encoding: 'utf8',
        env: { PATH: bin, HOME: bin, ...env },
      });

    beforeEach(() => {
      bin = fs.mkdtempSync(path.join(os.tmpdir(), 'start-console-'));
      fs.symlinkSync(uname, path.join(bin, 'uname'));
    });
    afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

    it('no container engine', () => {
      const result = run();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^Neither podman nor docker is installed/);
    });

    it('a container engine that is installed but stopped', () => {
      stub('podman', '[ "$1" = info ] && exit 125; exit 0');
      const result = run();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^podman is installed but not running: start it/);
      fs.rmSync(path.join(bin, 'podman'));
      stub('docker', '[ "$1" = info ] && exit 1; exit 0');
      expect(run().stderr).toMatch(/^docker is installed but its daemon is not running/);
    });

    it('oc not installed, then installed but not logged in', () => {
      stub('podman', 'exit 0');
      const missing = run();
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^oc is not installed: get it from https:\/\/mirror/);
      stub(
        'oc',
        '[ "$1" = whoami ] && { echo "error: You must be logged in" >&2; exit 1; }; exit 0',
      );
      const loggedOut = run();
      expect(loggedOut.status).toBe(1);
      expect(loggedOut.stderr).toMatch(/^oc is not logged in to a cluster: run oc login/);
    });

    it("a busy port (such as the demo's), and otherwise the console on its own port", async () => {
      stub('podman', 'echo "podman $*"');
      stub(
        'oc',
        'case "$*" in *show-server*) echo https://api.example.com:6443;; *show-token*) echo sha256~t;; whoami) echo dev;; *) exit 1;; esac',
      );
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = String((server.address() as net.AddressInfo).port);
      const busy = run({ CONSOLE_PORT: port });
      await new Promise<void>((resolve) => server.close(() => resolve()));
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain(`Port ${port} is already in use`);

      const started = run({ CONSOLE_PORT: port });
      expect(started.stderr).toBe('');
      expect(started.stdout).toContain(`console: http://localhost:${port}`);
      expect(started.stdout).toContain(`BRIDGE_LISTEN=http://0.0.0.0:${port}`);
      // The demo's port is not the default.
      expect(fs.readFileSync(path.join(root, 'start-console.sh'), 'utf8')).toContain(
        'CONSOLE_PORT="${CONSOLE_PORT:-9002}"',
      );
    });
  });
});
