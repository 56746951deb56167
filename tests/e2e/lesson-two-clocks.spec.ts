// A learner walks the two-clocks lesson: plays the live and replayed streams on both clocks, answers every exercise
// with the answer the exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test, type Locator } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, playToEnd, simulation } from './lessonWalk.ts';

const LESSON = 'two-clocks';
const EXERCISES = [['processing-time-counts', 'num'], ['event-time-counts', 'num'], ['replay-counts', 'num'], ['replay-dashboards', 'select']] as const;

/** The value column of the output table, one entry per emitted result. */
const values = (output: Locator) => output.locator('tbody tr.pane td:nth-child(5)').allTextContents();

test('plays both clocks live and replayed, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Event time vs processing time');

  // The same ten taps: 2, 6, 2 by arrival; 5, 4, 1 by event time; one burst of 10 when replayed by arrival.
  expect(await values(await playToEnd(simulation(page, 'Ten taps counted by arrival (processing time)')))).toEqual(['2', '6', '2']);
  expect(await values(await playToEnd(simulation(page, 'Ten taps counted by when they happened (event time)')))).toEqual(['5', '4', '1']);
  expect(await values(await playToEnd(simulation(page, 'The same ten taps replayed at 60× speed, counted by arrival')))).toEqual(['10']);
  expect(await values(await playToEnd(simulation(page, 'The same ten taps replayed at 60× speed, counted by event time')))).toEqual(['5', '4', '1']);

  // Stepping shows one record at a time: after the first step the output is still empty.
  const live = simulation(page, 'Ten taps counted by arrival (processing time)');
  await live.getByRole('button', { name: 'Jump to start' }).click();
  await live.getByRole('button', { name: /Step forward/ }).click();
  await expect(live.getByRole('region', { name: 'Output' })).toContainText('0 rows');

  await answerAllThenReload(page, LESSON, EXERCISES);
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'replay-counts');
});
