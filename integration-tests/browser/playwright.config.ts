import * as path from 'path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.SHELL_PORT ?? 9123);
const root = path.resolve(__dirname, '../..');

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the production build
 * of the plugin loaded into the local console shell. One worker: the tests share one
 * in-memory cluster and reset it before each test.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.e2e.ts',
  outputDir: path.join(root, '.cache', 'playwright-results'),
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
    command: `npx ts-node integration-tests/console/server.ts --port ${PORT}`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}/server-flags.js`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
