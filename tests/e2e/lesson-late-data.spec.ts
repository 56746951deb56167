// A learner walks the late-data lesson: plays its simulations, answers every exercise with the answer the exercise
// engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, exerciseCard, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'late-data';
const EXERCISES = [
  ['which-dropped', 'select'], ['smallest-delay', 'num'], ['late-firings', 'num'],
  ['predict-late-firings', 'predict'], ['tune-delay-and-lateness', 'param'],
] as const;

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  // Each answer comes from the exercise CLI (a node process per exercise), which takes a few seconds on a busy machine.
  test.setTimeout(180_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Late data: drop, allow, side output');

  // No lateness: [0,10) fires once with 3 and e6 is dropped to the late output: two rows.
  const dropping = await playToEnd(simulation(page, 'Eight sensor readings, 5 s delay, no allowed lateness'));
  await expect(dropping).toContainText('2 rows');
  await expect(dropping).toContainText('dropped');

  // 10 s of lateness: four results, one of them a late firing of [0,10).
  const lateness = await playToEnd(simulation(page, 'Eight sensor readings, 5 s delay, 10 s allowed lateness'));
  await expect(lateness).toContainText('4 rows');

  // Raising the delay to 6 s keeps e6: nothing is dropped any more.
  const tunable = simulation(page, 'Eight sensor readings, 5 s delay, no allowed lateness');
  await tunable.getByLabel('Watermark delay').fill('6000');
  await tunable.getByLabel('Watermark delay').press('Enter');
  const output = await playToEnd(tunable);
  await expect(output).not.toContainText('dropped');

  // Seeded exercises: a new variant deals new event times; the answer comes from the solver for the variant shown.
  for (const id of ['smallest-delay', 'predict-late-firings', 'tune-delay-and-lateness']) {
    const card = exerciseCard(page, `${LESSON}/${id}`);
    await card.getByRole('button', { name: 'New variant' }).click();
    await expect(card.getByText(/variant \d+/).first()).toBeVisible();
  }

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'which-dropped');
});
