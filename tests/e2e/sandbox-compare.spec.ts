// A/B compare of a parallel job: a crash picked in either dataflow view goes to the configuration the learner
// chooses (or both), each side lists its own failures, and the outputs that then differ are marked.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, sandboxLink, scrubber } from './sandboxHelpers.ts';

const job = {
  format: 'eventide.scenario/1', name: 'two window tasks', profile: 'flink', seed: 1,
  pipeline: {
    window: { type: 'tumbling', size: 1000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 100, emit: 'per-record' },
    runtime: { parallelism: 2, checkpoint: { interval: 1000, mode: 'at-least-once' }, sink: 'at-least-once', restartDelay: 200 },
  },
  events: Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 4}`, ts: i * 100, arrivalMs: i * 100 })),
  steps: [{ end: true }],
};

async function crashWindow1In(page: Page, side: 'A' | 'B'): Promise<void> {
  await scrubber(page).fill('1500');
  const dataflow = page.getByRole('region', { name: `${side}: Dataflow` });
  await dataflow.getByRole('button', { name: /^window-1:/ }).click();
  await dataflow.getByRole('button', { name: 'Crash this task at 1.5 s' }).click();
}

test('a crash picked in A’s view goes to B only when B is chosen, and the outputs that differ are marked', async ({ page }) => {
  await page.goto(sandboxLink({ a: job, b: { profile: 'flink', pipeline: job.pipeline } }));
  const cardA = page.getByRole('region', { name: 'Configuration A' });
  const cardB = page.getByRole('region', { name: 'Configuration B' });
  await page.getByRole('radio', { name: 'B only' }).check();
  await crashWindow1In(page, 'A');
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled a crash of window-1 at 1.5 s in B.' })).toBeVisible();
  await expect(cardB.getByRole('button', { name: 'Remove crash of window-1 at 1.5 s' })).toBeVisible();
  await expect(cardA.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.getByRole('region', { name: 'B: Output', exact: true }).getByText('only in this configuration').first()).toBeAttached();

  await page.getByRole('radio', { name: 'A and B' }).check();
  await crashWindow1In(page, 'B');
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled a crash of window-1 at 1.5 s in A and B.' })).toBeVisible();
  await expect(cardA.getByRole('button', { name: 'Remove crash of window-1 at 1.5 s' })).toHaveCount(1);
  await expect(cardB.getByRole('button', { name: 'Remove crash of window-1 at 1.5 s' })).toHaveCount(2);

  await cardB.getByRole('button', { name: 'Remove crash of window-1 at 1.5 s' }).first().click();
  await expect(cardB.getByRole('button', { name: /^Remove/ })).toHaveCount(1);
  await expect(cardA.getByRole('button', { name: /^Remove/ })).toHaveCount(1);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/screens/sandbox-compare-failures.png', fullPage: true });
});

test('the failure choice reads at 360 px in dark mode and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(sandboxLink({ a: job, b: { profile: 'flink', pipeline: job.pipeline } }));
  await page.getByRole('radio', { name: 'A only' }).check();
  await crashWindow1In(page, 'B');
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled a crash of window-1 at 1.5 s in A.' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page);
  await page.getByRole('group', { name: 'Failures you pick in a dataflow view apply to' }).screenshot({ path: 'test-results/screens/sandbox-failure-target-360-dark.png' });
});

test('a side without the picked task keeps its run and says why', async ({ page }) => {
  await page.goto(sandboxLink({ a: job, b: { profile: 'flink', pipeline: { ...job.pipeline, runtime: { ...job.pipeline.runtime, parallelism: 1 } } } }));
  await crashWindow1In(page, 'A');
  await expect(page.getByRole('status').filter({ hasText: /Scheduled a crash of window-1 at 1\.5 s in A\. B cannot take it: .*subtask below 1/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Configuration B' }).getByRole('button', { name: /^Remove/ })).toHaveCount(0);
});
