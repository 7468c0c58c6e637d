import { defineConfig } from '@playwright/test';

/** Debian's Chromium (apt-get install chromium); Playwright's own browser download is never used. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 60_000,
  workers: 1,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : 'list',
  outputDir: 'test-results',
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
