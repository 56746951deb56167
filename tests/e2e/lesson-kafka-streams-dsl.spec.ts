// A learner walks the kafka-streams-dsl lesson: plays its simulations, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'kafka-streams-dsl';
const EXERCISES = [
  ['predict-changelog', 'predict'], ['late-with-grace', 'select'], ['quiet-task', 'select'], ['idle-threads', 'num'], ['copartitioned-joins', 'select'],
] as const;

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka Streams: KStream, KTable, tasks and stream time');

  // The changelog: stepping shows the first update alone; by the end 6 updates and 2 skipped records.
  const changelog = simulation(page, 'One task, 10 s windows, 5 s grace: every update goes downstream');
  await changelog.getByRole('button', { name: 'Step forward' }).click();
  await expect(changelog.getByRole('region', { name: 'Output' })).toContainText('1 row');
  await expect(await playToEnd(changelog)).toContainText('8 rows');
  // A quiet partition's task releases a single final result.
  await expect(await playToEnd(simulation(page, 'Task 1 (partition 1): the partition goes quiet after 12 s'))).toContainText('1 row');

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'quiet-task');
});
