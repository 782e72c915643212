import { defineConfig } from 'vitest/config';

// `npm test` runs every project: unit tests in Node, end-to-end tests that
// build the extension and drive Debian's Chromium through playwright-core, and
// the same flows in Debian's firefox-esr (both Firefox builds) through
// puppeteer-core over WebDriver BiDi.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/firefox/global-setup.ts'],
          // Firefox's extension pages are read through a frame script per look: give a poll more than the default 1 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
