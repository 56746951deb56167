import { defineConfig, devices } from '@playwright/test';
import { resolve } from 'node:path';

// E2E_PORT lets two checkouts run their end-to-end tests at once without testing each other's build.
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;
// Each port gets its own build folder, so a rebuild for one run never swaps the files under another.
const outDir = resolve(port === 4173 ? 'dist' : `node_modules/.cache/eventide-e2e-${port}`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two workers on the two-core machines this runs on: the lesson walks spend much of their time waiting.
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: { baseURL: origin, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    // The end-to-end build (mode e2e) adds the fixture lessons of tests/e2e/fixtures/lessons to the course.
    command: `npm run build -- --mode e2e --outDir ${outDir} && `
      + `node node_modules/vite/bin/vite.js preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: origin,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
