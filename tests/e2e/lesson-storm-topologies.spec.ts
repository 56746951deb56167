// A learner walks the storm-topologies lesson: plays its simulation, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, exerciseCard, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'storm-topologies';
const EXERCISES = [
  ['per-user-counts', 'select'], ['replays-without-cap', 'num'], ['spout-pending', 'num'],
  ['boundary-tuple', 'select'], ['late-tuples', 'select'], ['predict-bolt', 'predict'],
] as const;
const TOPOLOGIES = [
  'Clicks of four users counted by four bolt tasks',
  'Twenty tuples, a bolt that needs 2 s each, a 30 s message timeout, no max.spout.pending',
];

test('plays the simulation, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Storm: spouts, bolts and acking');

  // The windowed bolt: nothing after the first tuple; by the end 3 window evaluations and 1 late tuple.
  const bolt = simulation(page, 'A windowed bolt: 10 s windows sliding every 5 s, lag 2 s');
  await bolt.getByRole('button', { name: 'Step forward' }).click();
  await expect(bolt.getByRole('region', { name: 'Output' })).toContainText('0 rows');
  await expect(await playToEnd(bolt)).toContainText('4 rows');

  // The two topologies play to their end: four count tasks behind a fields grouping, and one slow count task.
  for (const [title, bolt] of [[TOPOLOGIES[0], 'count ×4 · fields grouping'], [TOPOLOGIES[1], 'count ×1']]) {
    const topology = simulation(page, title);
    await topology.getByRole('button', { name: 'Jump to end' }).click();
    await expect(topology).toContainText(bolt);
    await expect(topology).not.toContainText('The simulator stopped');
  }

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'predict-bolt');
  for (const id of ['per-user-counts', 'spout-pending']) {
    await exerciseCard(page, `${LESSON}/${id}`).screenshot({ path: testInfo.outputPath(`${id}-360.png`) });
  }
  await simulation(page, TOPOLOGIES[0]).screenshot({ path: testInfo.outputPath('user-counts-360.png') });
});
