// A learner walks the parallel-watermarks lesson: plays its simulations, answers every exercise with the answer
// the exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, exerciseCard, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'parallel-watermarks';
const EXERCISES = [
  ['stalled-watermark', 'num'], ['fired-after-idleness', 'select'], ['predict-idle', 'predict'],
  ['resumed-when-idle', 'select'], ['resumed-without-idleness', 'num'], ['spark-fired-windows', 'select'],
] as const;

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  // Each answer comes from the exercise CLI (a node process per exercise), which takes a few seconds on a busy machine.
  test.setTimeout(180_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Watermarks across partitions and idle sources');

  // A silent partition: nothing at all comes out.
  const stalled = await playToEnd(simulation(page, 'Three partitions, the third goes silent after 8 s'));
  await expect(stalled).toContainText('0 rows');

  // Idleness: three windows fire.
  const idle = await playToEnd(simulation(page, 'Three partitions, a silent partition marked idle after 10 s'));
  await expect(idle).toContainText('3 rows');

  // The partition comes back: its reading is dropped.
  const resumed = await playToEnd(simulation(page, 'The idle partition resumes with a reading stamped 9 s'));
  await expect(resumed).toContainText('dropped');

  // Spark: the same three windows, appended.
  const spark = await playToEnd(simulation(page, 'Spark: one watermark from the largest event time of each micro-batch'));
  await expect(spark).toContainText('3 rows');

  // Seeded exercises: a new variant deals new event times; the answer comes from the solver for the variant shown.
  for (const id of ['stalled-watermark', 'predict-idle', 'resumed-when-idle']) {
    const card = exerciseCard(page, `${LESSON}/${id}`);
    await card.getByRole('button', { name: 'New variant' }).click();
    await expect(card.getByText(/variant \d+/).first()).toBeVisible();
  }

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'stalled-watermark');
});
