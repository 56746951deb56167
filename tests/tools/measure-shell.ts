// Measures the two speed budgets of the shell (issue 3) and, with --screenshot, refreshes the README image.
//   entry JS: gzip -9 size of the scripts index.html loads up front (entry + modulepreloads), production build
//   lesson TTI: cold load of a lesson page on localhost until its title is shown and the main thread is idle
//               (requestIdleCallback), median of 5 fresh browser contexts, end-to-end build (it has lessons)
// Usage: npx tsx tests/tools/measure-shell.ts [--screenshot]
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';

const LESSON_URL = '#/path/beginner/lesson/clocks-tour';
const RUNS = 5;
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

async function buildTo(mode: 'production' | 'e2e'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `eventide-${mode}-`));
  await build({ mode, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

function entryGzipBytes(outDir: string): { files: string[]; bytes: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length, 0);
  return { files, bytes };
}

async function serve<T>(outDir: string, port: number, use: (url: string) => Promise<T>): Promise<T> {
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
  try {
    return await use(`http://127.0.0.1:${port}/`);
  } finally {
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const dirs: string[] = [];
try {
  const production = await buildTo('production');
  dirs.push(production);
  const entry = entryGzipBytes(production);
  console.log(`entry JS (gzip -9): ${(entry.bytes / 1024).toFixed(1)} KiB in ${entry.files.join(', ')}`);

  if (process.argv.includes('--screenshot')) {
    await serve(production, 4175, async (url) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
      await page.goto(url);
      await page.getByRole('heading', { name: 'Learning paths' }).waitFor();
      await page.getByRole('article').first().waitFor();
      await page.screenshot({ path: 'static/screenshots/home.png' });
      console.log('wrote static/screenshots/home.png');
    });
  }

  const e2e = await buildTo('e2e');
  dirs.push(e2e);
  const timings = await serve(e2e, 4176, async (url) => {
    const results: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}${LESSON_URL}`);
      await page.locator('#lesson-title').waitFor();
      results.push(await page.evaluate(() => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now())))));
      await context.close();
    }
    return results;
  });
  console.log(`lesson page interactive: median ${median(timings).toFixed(0)} ms over ${RUNS} cold loads (${timings.map((t) => t.toFixed(0)).join(', ')} ms)`);
} finally {
  await browser.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
