import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CAJA_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CAJA_E2E_JSON
    ? [['list'], ['json', { outputFile: process.env.CAJA_E2E_JSON }]]
    : [['list']],
  use: {
    viewport: { width: 1366, height: 820 },
    locale: 'es-AR',
    timezoneId: 'America/Argentina/Buenos_Aires',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM,
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
  projects: [
    {
      name: 'chromium-web-host',
      testIgnore: /electron\.spec\.ts$/,
      use: { browserName: 'chromium' },
    },
    // Runs where the Electron binary exists (a release machine); skipped here.
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
