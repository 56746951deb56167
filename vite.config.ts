/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Chromium comes from Debian (/usr/bin/chromium); Playwright cannot download browsers on these machines.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  // Relative asset paths so the static build works when served from any sub-path (routing is hash-based).
  base: './',
  // The page lives in src/app so the top level holds only the files the architecture lists.
  root: here('./src/app'),
  plugins: [svelte({ configFile: here('./svelte.config.js') })],
  publicDir: here('./static'),
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', outDir: here('./dist'), emptyOutDir: true },
  worker: { format: 'es' },
  test: {
    root: here('.'),
    env: { TZ: 'UTC' },
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        resolve: { conditions: ['module', 'browser', 'development|production'] },
        test: { name: 'dom', environment: 'jsdom', include: ['tests/dom/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            // VITEST_BROWSER_PORT lets two checkouts run browser tests at once.
            api: { port: Number(process.env.VITEST_BROWSER_PORT ?? 63315), strictPort: false },
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs } }),
          },
        },
      },
    ],
  },
});
