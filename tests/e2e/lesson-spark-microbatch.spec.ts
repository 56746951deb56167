// A learner walks the spark-microbatch lesson: plays its simulations, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const LESSON = 'spark-microbatch';

/** The reference answer from the exercise engine's CLI, for the seed the page shows (1 unless "variant N"). */
async function solution(exercise: Locator, id: string): Promise<unknown> {
  const variant = (await exercise.textContent())?.match(/variant (\d+)/);
  const seed = variant ? variant[1] : '1';
  return JSON.parse(execFileSync('npx', ['tsx', 'src/exercises/cli.ts', 'solve', `${LESSON}/${id}`, '--seed', seed], { encoding: 'utf8' }));
}

const exerciseCard = (page: Page, id: string) => page.locator(`[data-exercise="${LESSON}/${id}"]`);
const simulation = (page: Page, title: string) => page.locator('section.simulation').filter({ has: page.getByRole('heading', { name: title }) });

async function expectCorrect(exercise: Locator): Promise<void> {
  await expect(exercise.getByText('Correct', { exact: true })).toBeVisible();
}

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(120_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spark: micro-batches, triggers and output modes');

  // Trigger latency: stepping forward reveals results only at batch boundaries; at the end there are 3 rows.
  const latency = simulation(page, 'Update mode, a micro-batch every 5 s');
  await latency.getByRole('button', { name: 'Jump to end' }).click();
  await expect(latency.getByRole('region', { name: 'Output' })).toContainText('3 rows');

  // The watermark moves between batches: [0,10) = 3 and one dropped row by the end.
  const nextBatch = simulation(page, 'Micro-batches every 5 s, 10 s windows, 10 s watermark delay, append mode');
  await nextBatch.getByRole('button', { name: 'Play' }).click();
  await nextBatch.getByRole('button', { name: 'Jump to end' }).click();
  const output = nextBatch.getByRole('region', { name: 'Output' });
  await expect(output).toContainText('dropped');
  await expect(output).toContainText('2 rows');

  const appendBatch = exerciseCard(page, 'append-batch');
  await appendBatch.getByLabel('Your answer').fill(String(await solution(appendBatch, 'append-batch')));
  await appendBatch.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(appendBatch);

  const lateRows = exerciseCard(page, 'late-rows');
  for (const id of (await solution(lateRows, 'late-rows')) as string[]) await lateRows.getByRole('checkbox', { name: new RegExp(`^${id} `) }).check();
  await lateRows.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(lateRows);

  const predict = exerciseCard(page, 'predict-update');
  for (const pane of (await solution(predict, 'predict-update')) as { window: string; value: number }[]) {
    const window = predict.getByRole('group', { name: `Window ${pane.window}` });
    await window.getByRole('button', { name: `Add a result for ${pane.window}` }).click();
    await window.getByLabel('Value').last().fill(String(pane.value));
  }
  await predict.getByRole('button', { name: 'Run and compare' }).click();
  await expectCorrect(predict);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  for (const id of ['append-batch', 'late-rows', 'predict-update']) await expectCorrect(exerciseCard(page, id));
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(exerciseCard(page, 'append-batch')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // One viewport-sized shot per kind of block, to look at (a full-page shot is too tall to read).
  await page.screenshot({ path: testInfo.outputPath('360-top.png') });
  await page.locator('section.simulation').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-simulation.png') });
  await exerciseCard(page, 'predict-update').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-exercise.png') });
});
