// Playwright runs e2e/ against a running dashboard at BASE_URL with Debian's Chromium; it never starts one itself.
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error(
    'BASE_URL is required: the running dashboard, e.g. BASE_URL=http://127.0.0.1:8080 npx playwright test',
  );
}

const retries = Number(process.env.PLAYWRIGHT_RETRIES ?? '0');
if (!Number.isInteger(retries) || retries < 0) {
  throw new Error(
    `PLAYWRIGHT_RETRIES: expected a whole number of retries, got "${process.env.PLAYWRIGHT_RETRIES}"`,
  );
}

/** Chromium flags for containers and CI: no sandbox (no user namespaces there), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results',
  forbidOnly: Boolean(process.env.CI),
  retries,
  reporter: [
    ['list'],
    ['junit', { outputFile: process.env.PLAYWRIGHT_JUNIT_OUTPUT_NAME ?? 'test-results/junit.xml' }],
    ['html', { open: 'never', outputFolder: process.env.PLAYWRIGHT_HTML_OUTPUT_DIR ?? 'playwright-report' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium, not a downloaded one: `npx playwright install` is never needed.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
