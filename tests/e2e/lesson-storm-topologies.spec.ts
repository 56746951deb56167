// A learner walks the storm-topologies lesson: plays its simulation, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'storm-topologies';
const EXERCISES = [['boundary-tuple', 'select'], ['late-tuples', 'select'], ['predict-bolt', 'predict']] as const;

test('plays the simulation, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Storm: spouts, bolts and acking');

  // The windowed bolt: nothing after the first tuple; by the end 3 window evaluations and 1 late tuple.
  const bolt = simulation(page, 'A windowed bolt: 10 s windows sliding every 5 s, lag 2 s');
  await bolt.getByRole('button', { name: 'Step forward' }).click();
  await expect(bolt.getByRole('region', { name: 'Output' })).toContainText('0 rows');
  await expect(await playToEnd(bolt)).toContainText('4 rows');

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'predict-bolt');
});
