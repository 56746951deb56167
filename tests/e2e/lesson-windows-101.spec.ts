// A learner walks the windows-101 lesson: plays the four window shapes, changes a session gap, answers every exercise
// with the answer the exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test, type Locator } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, exerciseCard, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'windows-101';
const EXERCISES = [
  ['every-window', 'select'], ['sliding-counts', 'num'], ['boundary-windows', 'select'], ['copies-per-day', 'num'], ['window-for-use-case', 'select'], ['session-counts', 'num'],
] as const;

/** The value column of the output table, one entry per emitted result. */
const values = (output: Locator) => output.locator('tbody tr.pane td:nth-child(5)').allTextContents();

test('plays every window shape, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tumbling, sliding, session and count windows');

  expect(await values(await playToEnd(simulation(page, 'Eight clicks in 10 s tumbling windows')))).toEqual(['3', '3', '2']);
  expect(await values(await playToEnd(simulation(page, 'Eight clicks in 10 s windows sliding every 5 s')))).toEqual(['2', '3', '3', '3', '1', '2', '2']);
  expect(await values(await playToEnd(simulation(page, 'Eight clicks in windows of 3 clicks')))).toEqual(['3', '3']);

  // Three sessions with a 5 s gap; a 6 s gap joins the first two.
  const sessions = simulation(page, 'Eight clicks in sessions that close after 5 s of silence');
  expect(await values(await playToEnd(sessions))).toEqual(['5', '1', '2']);
  await sessions.getByLabel('Session gap').fill('6000');
  await sessions.getByLabel('Session gap').press('Enter');
  expect(await values(await playToEnd(sessions))).toEqual(['6', '2']);

  // The grid of clicks × windows works from the keyboard: arrows move between cells, Space ticks one.
  const grid = exerciseCard(page, `${LESSON}/every-window`);
  await grid.getByRole('checkbox', { name: 'e1 in [-5,5)' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('checkbox', { name: 'e2 in [0,10)' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(grid.getByRole('checkbox', { name: 'e2 in [0,10)' })).toBeChecked();
  await page.keyboard.press('Space');

  // A wrong grid is explained click by click: e4, stamped 10 s, is not in [0,10).
  await grid.getByRole('checkbox', { name: 'e4 in [0,10)' }).check();
  await grid.getByRole('button', { name: 'Check' }).click();
  await expect(grid.getByText(/e4 \(10 s\) misses \[5,15\) and \[10,20\) and has \[0,10\) extra/)).toBeVisible();
  await grid.getByRole('button', { name: 'Try again' }).click();
  await grid.getByRole('checkbox', { name: 'e4 in [0,10)' }).uncheck();

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'session-counts');
  for (const id of ['every-window', 'window-for-use-case']) {
    await exerciseCard(page, `${LESSON}/${id}`).screenshot({ path: testInfo.outputPath(`${id}-360.png`) });
  }
});
