import * as path from 'path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.SHELL_PORT ?? 9123);
// The plugin's nginx (the chart's nginx.conf over TLS, behind the shell's plugin proxy): a
// port of its own per shell port, so that runs on different SHELL_PORTs never clash.
const PLUGIN_PORT = Number(process.env.PLUGIN_PORT ?? PORT + 1000);
const root = path.resolve(__dirname, '../..');
// Which generation of the console shell serves the same plugin build: 4.19 (consoles 4.19
// and 4.20: React 17, react-router 5 + v5-compat, the console's own loader, no PatternFly
// shared) by default, 4.21 (the same with module federation and BuildConfig actions) after
// `npm run build-shell-4.21`, 4.22 (React 18, react-router 7, PatternFly 6.4 shared) after
// `npm run build-shell-4.22`.
const GENERATION = ['4.21', '4.22'].includes(process.env.CONSOLE_GENERATION ?? '')
  ? (process.env.CONSOLE_GENERATION as string)
  : '4.19';

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the production build
 * of the plugin loaded into the local console shell of either console generation. One worker:
 * the tests share one in-memory cluster and reset it before each test.
 */
export default defineConfig({
  testDir: __dirname,
  // `npm run screenshots` runs the scripts that take the README's pictures instead of the tests.
  testMatch: process.env.SCREENSHOTS ? '*.shots.ts' : '*.e2e.ts',
  outputDir: path.join(root, '.cache', `playwright-results-${GENERATION}`),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    testIdAttribute: 'data-test',
    viewport: { width: 1280, height: 900 },
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx ts-node integration-tests/console/server.ts --port ${PORT} --plugin-port ${PLUGIN_PORT}`,
    cwd: root,
    env: { CONSOLE_GENERATION: GENERATION },
    url: `http://127.0.0.1:${PORT}/server-flags.js`,
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM to the shell's process group: the shell stops nginx and removes its temporary
    // files (without it Playwright sends SIGKILL, which leaves the files behind).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
