// A per-window NUM exercise offers the windows a misconception would use, so the learner can enter that wrong
// answer and get its targeted hint in the browser, not only from the command line.
import { expect, test } from '@playwright/test';

const REPLAY = '[data-exercise="two-clocks/replay-counts"]';

test('a replay counted on the arrival clock can be entered, and the M2 hint says to check the clock', async ({ page }) => {
  await page.goto('/#/lesson/two-clocks');
  const card = page.locator(REPLAY);
  await card.scrollIntoViewIfNeeded();
  // The processing-time window of the replay is offered next to the event-time windows.
  await expect(card.getByRole('group', { name: /One number per window/ }).getByRole('spinbutton')).toHaveCount(4);
  await card.getByLabel('[600,610)', { exact: true }).fill('10');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(card.getByText('Not yet')).toBeVisible();
  await expect(card).toContainText('[600,610) has no result in this run');
  await expect(card).toContainText('(M2)');
  await expect(card).toContainText('Check which clock the window uses');

  // Blank fields count as 0: the live counts alone are right.
  await card.getByRole('button', { name: 'Try again' }).click();
  await card.getByLabel('[600,610)', { exact: true }).fill('');
  for (const [window, n] of [['[0,10)', '5'], ['[10,20)', '4'], ['[20,30)', '1']]) await card.getByLabel(window, { exact: true }).fill(n);
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(card.getByText('Correct', { exact: true })).toBeVisible();
});
