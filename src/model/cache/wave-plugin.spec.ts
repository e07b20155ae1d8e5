import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_SCRIPT } from './start-script';
import { WAVE_PLUGIN_DIR, WAVE_PLUGIN_MODULE, WAVE_PLUGIN_SETUP } from './wave-plugin';

describe('the devpi plugin that holds concurrent first requests', () => {
  it('is written by the start script before devpi starts', () => {
    expect(START_SCRIPT).toContain(WAVE_PLUGIN_SETUP);
    expect(START_SCRIPT.indexOf(WAVE_PLUGIN_SETUP)).toBeLessThan(
      START_SCRIPT.indexOf('devpi-server "$@"'),
    );
  });

  it('installs the module byte for byte with its devpi_server entry point, on PYTHONPATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipcache-wave-'));
    try {
      // The start script puts its plugin folder on PYTHONPATH once, after writing every plugin.
      const exportLine = 'PYTHONPATH="$PLUGINDIR${PYTHONPATH:+:$PYTHONPATH}"';
      expect(START_SCRIPT.indexOf(WAVE_PLUGIN_SETUP)).toBeLessThan(
        START_SCRIPT.indexOf(exportLine),
      );
      expect(WAVE_PLUGIN_SETUP).toContain(WAVE_PLUGIN_DIR);
      const script = `PLUGINDIR='${dir}'\n${WAVE_PLUGIN_SETUP}\n${exportLine}\necho "$PYTHONPATH"`;
      const out = execFileSync('/bin/sh', ['-euc', script], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: '/opt/app' },
      }).toString();
      expect(out.trim()).toBe(`${dir}:/opt/app`);
      expect(readFileSync(join(dir, 'pipcache_wave.py'), 'utf8')).toBe(
        `${WAVE_PLUGIN_MODULE.trimEnd()}\n`,
      );
      expect(
        readFileSync(join(dir, 'pipcache_wave-1.0.dist-info', 'entry_points.txt'), 'utf8'),
      ).toBe('[devpi_server]\npipcache-wave = pipcache_wave\n');
      expect(readFileSync(join(dir, 'pipcache_wave-1.0.dist-info', 'METADATA'), 'utf8')).toBe(
        'Metadata-Version: 2.1\nName: pipcache-wave\nVersion: 1.0\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits only for first requests of project pages and files, before the transaction begins', () => {
    // The tween sits between devpi's request logging and its transaction tween: above the
    // transaction, so a waiting request reads what the first one stored.
    expect(WAVE_PLUGIN_MODULE).toContain('over="devpi_server.views.tween_keyfs_transaction"');
    expect(WAVE_PLUGIN_MODULE).toContain('under="devpi_server.views.tween_request_logging"');
    expect(WAVE_PLUGIN_MODULE).toContain('HookimplMarker("devpiserver")');
    expect(WAVE_PLUGIN_MODULE).toContain(String.raw`/\+simple/([^/+]+)/?$`);
    expect(WAVE_PLUGIN_MODULE).toContain(String.raw`/\+f/.`);
    // A path served once passes straight through; a wait is bounded.
    expect(WAVE_PLUGIN_MODULE).toMatch(/key in _served/);
    expect(WAVE_PLUGIN_MODULE).toMatch(/lock\.acquire\(timeout=_WAIT_SECONDS\)/);
  });
});
