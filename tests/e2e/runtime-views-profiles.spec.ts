// Runtime views follow the engine a run models: a Storm topology shows bolt tasks and groupings and no watermarks,
// a Spark query its micro-batches and per-batch metrics, a Kafka Streams application its threads, tasks and commits.
// Checked at 360 px in dark mode with axe; screenshots go to the test's output folder.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousViolations, sandboxLink } from './sandboxHelpers.ts';

const sparkRerun = {
  format: 'eventide.vector/1', name: 'a spark batch runs again after a crash', profile: 'spark',
  pipeline: {
    window: { type: 'tumbling', size: 10 }, aggregate: 'count', outputMode: 'update', watermark: { type: 'bounded', delay: 0 }, batchInterval: 100,
    runtime: { sink: 'idempotent', restartDelay: 20, batch: { overheadMs: 30, perRowMs: 0, commitMs: 10 } },
  },
  steps: [{ record: { key: 'a', ts: 1 } }, { record: { key: 'a', ts: 2 } }, { advance: 100 }, { advance: 35 }, { crash: { operator: 'query' } }, { advance: 100 }],
};

const kafkaJob = {
  format: 'eventide.scenario/1', name: 'three tasks on four threads', profile: 'kafka-streams', seed: 1,
  pipeline: { window: { type: 'tumbling', size: 10000 }, aggregate: 'count', grace: 0, partitions: 3, runtime: { threads: [2, 2], commitIntervalMs: 1000 } },
  events: [
    { key: 'a', value: 1, ts: 1000, arrivalMs: 1200, partition: 0 }, { key: 'b', value: 1, ts: 2000, arrivalMs: 2200, partition: 1 },
    { key: 'c', value: 1, ts: 3000, arrivalMs: 3200, partition: 2 }, { key: 'a', value: 1, ts: 12000, arrivalMs: 12200, partition: 0 },
  ],
  steps: [{ end: true }],
};

async function phoneDark(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
}

async function expectFitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('a storm topology in its lesson shows bolt tasks fed by a fields grouping and says it has no watermarks', async ({ page }, testInfo) => {
  await phoneDark(page);
  await page.goto('/#/lesson/storm-topologies');
  const topology = page.locator('section.simulation').filter({ has: page.getByRole('heading', { name: 'Clicks of four users counted by four bolt tasks' }) });
  await topology.getByRole('button', { name: 'Jump to end' }).click();
  await expect(topology.getByRole('region', { name: 'Tuples to count' })).toContainText('Tuples → count tasks (fields grouping)');
  await expect(topology).toContainText('No watermarks: this topology has no windowed bolt');
  await expect(topology).not.toContainText('W −∞');
  await expect(topology).not.toContainText('Keys → window subtasks');
  await topology.scrollIntoViewIfNeeded();
  await expectFitsWidth(page);
  await topology.screenshot({ path: testInfo.outputPath('storm-dataflow-360-dark.png') });
  // The simulation only: the lesson's code samples are another view's concern.
  const { violations } = await new AxeBuilder({ page }).include('section.simulation').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('a Spark query in the sandbox shows its micro-batches, the re-run after a crash, and per-batch metrics', async ({ page }, testInfo) => {
  await phoneDark(page);
  await page.goto(sandboxLink({ a: sparkRerun }));
  await page.getByRole('button', { name: 'Jump to end' }).first().click();
  const checkpoints = page.locator('section.checkpoints');
  await expect(checkpoints).toContainText('Batch 0 (run again, attempt 2): offsets/0 written at 155 ms');
  await expect(checkpoints).toContainText('commits/0 written at 195 ms');
  await expect(checkpoints).not.toContainText('No checkpoint has started');
  const metrics = page.locator('section.metrics');
  await expect(metrics).toContainText('Input rows per batch');
  await expect(metrics).toContainText('reports progress once per micro-batch');
  await expectFitsWidth(page);
  await shoot(page, testInfo, 'spark-sandbox-360-dark');
  await expectNoSeriousViolations(page);
});

test('a Kafka Streams application in the sandbox shows instances, stream threads, tasks and commits', async ({ page }, testInfo) => {
  await phoneDark(page);
  await page.goto(sandboxLink({ a: kafkaJob }));
  await page.getByRole('button', { name: 'Jump to end' }).first().click();
  const threads = page.getByRole('region', { name: 'Instances → stream threads → tasks' });
  await expect(threads).toContainText('idle, no task assigned');
  await expect(threads).toContainText('tasks 0_0');
  await expect(page.locator('section.dataflow')).not.toContainText('W −∞');
  await expect(page.locator('section.checkpoints')).toContainText('instance 1 thread 1 committed at');
  await expectFitsWidth(page);
  await shoot(page, testInfo, 'kafka-sandbox-360-dark');
  await expectNoSeriousViolations(page);
});
