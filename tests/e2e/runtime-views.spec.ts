// A learner plays a parallel job in a lesson, crashes a window task from the dataflow view with the keyboard, and
// watches the job restart: the restore, the rewound offsets, the replayed and duplicated sink writes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, sandboxLink, scrubber } from './sandboxHelpers.ts';

const LESSON = '/#/lesson/job-recovery-tour';
const TITLE = 'A keyed count that crashes and recovers';
const simulation = (page: Page) => page.locator('section.simulation').filter({ has: page.getByRole('heading', { name: TITLE }) });
const seriousOrWorse = async (page: Page) =>
  (await new AxeBuilder({ page }).include('section.simulation').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

test('plays the job, crashes a task from the dataflow view, and sees the restart, the rewind and the duplicates', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  const sim = simulation(page);
  const clock = sim.getByRole('slider', { name: 'Processing time' });
  await sim.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await clock.inputValue())).toBeGreaterThan(0);
  await sim.getByRole('button', { name: 'Pause' }).click();

  await clock.fill('1500');
  await expect(sim.getByText('No failure so far.')).toBeVisible();
  const task = sim.getByRole('button', { name: /^window-1:/ });
  await task.focus();
  await page.keyboard.press('Enter');
  await expect(task).toHaveAttribute('aria-expanded', 'true');
  await sim.getByRole('button', { name: 'Crash this task at 1.5 s' }).click();
  await expect(sim.getByRole('button', { name: 'Remove crash of window-1 at 1.5 s' })).toBeVisible();

  // During the restart delay the dataflow says the job is restarting, and when.
  await clock.fill('1700');
  await expect(sim.getByText(/Job restarting: restart 1 scheduled at 2 s: window-1 crashed/)).toBeVisible();
  await clock.fill('2100');
  await expect(sim.getByText(/Job restarting/)).toHaveCount(0);

  await page.keyboard.press('End');
  const timeline = sim.locator('ol.timeline');
  await expect(timeline).toContainText('crash of window-1 (failures[0])');
  await expect(timeline).toContainText(/restart 1 scheduled at 2 s/);
  await expect(timeline).toContainText(/partition 0 rewound from offset \d+ to \d+: \d+ records read again/);
  await expect(timeline).toContainText('restored checkpoint 1');
  await expect(sim.getByRole('list', { name: 'Offsets rewound' })).toContainText('replayed');
  const writes = sim.getByRole('region', { name: 'Sink writes' });
  await expect(writes.getByText('duplicate').first()).toBeVisible();
  await expect(writes.getByText('replayed').first()).toBeVisible();

  // A transactional sink: read_committed never sees the aborted writes.
  await sim.getByRole('combobox', { name: 'Sink' }).selectOption('transactional');
  await page.keyboard.press('End');
  await expect(sim.getByRole('region', { name: 'read_uncommitted reader' })).toContainText('aborted');
  await expect(sim.getByRole('region', { name: 'read_committed reader' })).not.toContainText('aborted');

  expect(await seriousOrWorse(page)).toEqual([]);
});

test('reads at 360 px wide and in dark mode, and passes axe in both', async ({ page }, testInfo) => {
  test.setTimeout(90_000); // axe scans the page twice on a shared machine
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(LESSON);
  const sim = simulation(page);
  await sim.getByRole('slider', { name: 'Processing time' }).fill('1500');
  await sim.getByRole('button', { name: /^window-1:/ }).click();
  await sim.getByRole('button', { name: 'Crash this task at 1.5 s' }).click();
  await sim.getByRole('slider', { name: 'Processing time' }).fill('2600');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await sim.screenshot({ path: testInfo.outputPath('runtime-360.png') });
  expect(await seriousOrWorse(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousOrWorse(page)).toEqual([]);
  await sim.screenshot({ path: testInfo.outputPath('runtime-360-dark.png') });
  await page.setViewportSize({ width: 1100, height: 900 });
  await sim.screenshot({ path: testInfo.outputPath('runtime-wide-dark.png') });
});

test('the dataflow shows each channel’s and task’s watermark and marks a silent partition idle', async ({ page }) => {
  const silent = {
    format: 'eventide.scenario/1', name: 'a silent partition', profile: 'flink', seed: 1,
    pipeline: {
      window: { type: 'tumbling', size: 1000 }, aggregate: 'count', partitions: 2,
      watermark: { type: 'bounded', delay: 100, emit: 'periodic', interval: 200, idleness: 500 },
      runtime: { parallelism: 2, checkpoint: { interval: 1000, mode: 'exactly-once' }, sink: 'transactional', restartDelay: 200 },
    },
    events: Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 4}`, ts: i * 100, arrivalMs: i * 100, partition: 0 })),
    steps: [{ end: true }],
  };
  await page.goto(sandboxLink({ a: silent, t: 600 }));
  const dataflow = page.getByRole('region', { name: 'Dataflow' });
  const partitions = dataflow.getByRole('list', { name: 'Source partitions' });
  await expect(partitions.getByRole('listitem').nth(1)).toHaveText(/^partition 1: watermark −∞$/);
  await scrubber(page).fill('1500');
  // Partition 1 went idle at 800 ms: it says so, and its source no longer holds the windows' watermark back.
  await expect(partitions.getByRole('listitem').nth(1)).toHaveText(/^◌ partition 1: idle, watermark −∞$/);
  await expect(dataflow.getByRole('button', { name: /^source-1: .*, idle, watermark −∞$/ })).toBeVisible();
  await expect(dataflow.getByRole('button', { name: /^window-0: .*, watermark 1\.\d+ s$/ })).toBeVisible();
  await expect(dataflow.locator('text.wire-wm').filter({ hasText: 'idle' }).first()).toBeVisible();
  await dataflow.screenshot({ path: 'test-results/screens/dataflow-watermarks.png' });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page);
  await dataflow.screenshot({ path: 'test-results/screens/dataflow-watermarks-360-dark.png' });
  await dataflow.getByRole('button', { name: 'Show as table' }).click();
  await expect(dataflow.getByRole('region', { name: 'Channels of the job now' }).getByRole('row').filter({ hasText: 'source-1 → window-0' })).toContainText('◌ idle, watermark −∞');
  await expectNoSeriousViolations(page);
});
