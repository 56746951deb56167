// A learner walks the watermarks-101 lesson: steps the watermark reading by reading, places one by hand, predicts
// before running, answers every exercise with the answer the exercise engine computes for the seed the page shows,
// reloads, and finds the answers saved.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { answerCorrectly, checkPhoneWidth, exerciseCard, expectAccessibleInBothThemes, expectCorrect, playToEnd, simulation, solution } from './lessonWalk.ts';

const LESSON = 'watermarks-101';
const EXERCISES = [
  ['watermark-after-e5', 'num'], ['predict-firings', 'predict'], ['silent-source', 'select'], ['unit-bug-count', 'num'],
] as const;

/** The value column of the output table, one entry per emitted result. */
const values = (output: Locator) => output.locator('tbody tr.pane td:nth-child(5)').allTextContents();

/** Moves the axis handle with the keyboard, one step per arrow key, to the engine's reference placement. */
async function placeWatermark(page: Page, id: string): Promise<void> {
  const card = exerciseCard(page, id);
  const target = (await solution(card, id)) as number;
  const handle = card.getByRole('slider', { name: 'Watermark' });
  await handle.press('Home');
  await handle.press('ArrowRight');
  const step = Number(await handle.getAttribute('aria-valuenow')) - Number(await handle.getAttribute('aria-valuemin'));
  for (let at = step; at < target; at += step) await handle.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(target));
  await card.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(card);
}

test('steps the watermark, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('When does a window fire?');

  // [0,10) fires with 5 readings on e7, [10,20) with 3 on e9; [20,30) waits for ever.
  const sensor = simulation(page, 'Ten sensor readings, watermark 3 s behind the largest timestamp');
  expect(await values(await playToEnd(sensor))).toEqual(['5', '3']);
  await sensor.getByRole('button', { name: 'Jump to start' }).click();
  for (let i = 0; i < 6; i++) await sensor.getByRole('button', { name: 'Step forward' }).click();
  await expect(sensor.getByRole('region', { name: 'Output' })).toContainText('0 rows');

  // Seconds read as milliseconds: one window of 20, only at the end of the input; converted: four windows of 5.
  expect(await values(await playToEnd(simulation(page, 'Readings stamped in seconds, read as milliseconds')))).toEqual(['20']);
  expect(await values(await playToEnd(simulation(page, 'The same readings with their seconds converted to milliseconds')))).toEqual(['5', '5', '5', '5']);

  await placeWatermark(page, `${LESSON}/place-watermark`);
  for (const [id, kind] of EXERCISES) await answerCorrectly(page, `${LESSON}/${id}`, kind);

  await expectAccessibleInBothThemes(page);

  await page.reload();
  for (const id of ['place-watermark', ...EXERCISES.map(([id]) => id)]) await expectCorrect(exerciseCard(page, `${LESSON}/${id}`));
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'unit-bug-count');
});
