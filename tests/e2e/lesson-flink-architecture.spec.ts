// A learner walks the flink-architecture lesson: plays its simulations, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'flink-architecture';
const EXERCISES = [
  ['chained-tasks', 'num'], ['slots', 'num'], ['key-group-subtask', 'num'], ['after-rescale', 'num'], ['predict-keyed', 'predict'],
] as const;

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flink: JobManager, TaskManagers, slots, key groups');

  // The parallel job: 6 per-key window results by the end of the run; the rescaled job keeps user-7's results.
  await expect(await playToEnd(simulation(page, 'source(4) → enrich(4) → keyBy → window(8) → sink(8)'))).toContainText('6 rows');
  await expect(await playToEnd(simulation(page, 'The same job rescaled to parallelism 3'))).toContainText('user-7');
  // The checkpoint view lists checkpoint 1 with the offsets of both source partitions.
  const checkpointed = simulation(page, 'The keyed window job, checkpointed every 5 s');
  await checkpointed.getByRole('button', { name: 'Jump to end' }).click();
  await expect(checkpointed).toContainText('Checkpoint 1');
  await expect(checkpointed).toContainText('offsets 2, 2');

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'predict-keyed');
});
