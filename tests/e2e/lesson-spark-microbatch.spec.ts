// A learner walks the spark-microbatch lesson: plays its simulations, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'spark-microbatch';
const EXERCISES = [
  ['overrun-start', 'num'], ['append-batch', 'num'], ['late-rows', 'select'], ['predict-update', 'predict'], ['query-check', 'select'],
] as const;

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spark: micro-batches, triggers and output modes');

  // Results only at batch boundaries: 3 rows by the end.
  await expect(await playToEnd(simulation(page, 'Update mode, a micro-batch every 5 s'))).toContainText('3 rows');
  // The watermark moves between batches: [0,10) = 3 and one dropped row by the end.
  const output = await playToEnd(simulation(page, 'Micro-batches every 5 s, 10 s windows, 10 s watermark delay, append mode'));
  await expect(output).toContainText('dropped');
  await expect(output).toContainText('2 rows');

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'append-batch');
});
