// A learner on a fixture lesson: answers wrong, reads the specific feedback, takes a hint, answers right,
// reloads, and finds the exercise still solved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('answer wrong, read why, take a hint, answer right, and find it saved after a reload', async ({ page }) => {
  await page.goto('/#/lesson/late-records-tour');
  const exercise = page.getByRole('region', { name: /^Exercise/ });
  await expect(exercise).toContainText('Which readings are dropped?');

  // e8 is behind the watermark but its window is still open: the feedback says so.
  await exercise.getByRole('checkbox', { name: /^e8 / }).check();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('Not yet')).toBeVisible();
  await expect(exercise).toContainText('e8 does not belong: e8 was kept: it counted in [10,20)');
  await expect(exercise).toContainText('1 more choice belongs in the answer');

  await exercise.getByRole('button', { name: /^Hint/ }).click();
  await expect(exercise.getByRole('list', { name: 'Hints' })).toContainText('Being behind the watermark is not enough');

  await exercise.getByRole('checkbox', { name: /^e8 / }).uncheck();
  await exercise.getByRole('checkbox', { name: /^e6 / }).check();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('Correct', { exact: true })).toBeVisible();
  await expect(exercise).toContainText('Right: e6.');
  await expect(exercise.getByRole('heading', { name: 'Why' })).toBeVisible();
  await expect(exercise).toContainText('Attempt 2');

  const results = await new AxeBuilder({ page }).include('[data-exercise]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  const again = page.getByRole('region', { name: /^Exercise/ });
  await expect(again.getByText('Correct', { exact: true })).toBeVisible();
  await expect(again.getByRole('checkbox', { name: /^e6 / })).toBeChecked();
  await expect(again).toContainText('Attempt 2');
  await expect(again.getByRole('list', { name: 'Hints' })).toContainText('Hint 1 of 2');
});

test('the solution is shown only after "try it yourself first" is confirmed, with the explanation', async ({ page }) => {
  await page.goto('/#/lesson/late-records-tour');
  const exercise = page.getByRole('region', { name: /^Exercise/ });
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await expect(exercise.getByRole('alertdialog')).toContainText('Try it yourself first? You still have 2 hints.');
  await exercise.getByRole('button', { name: 'Keep trying' }).click();
  await expect(exercise.getByRole('alertdialog')).toHaveCount(0);
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Show the solution' }).click();
  await expect(exercise.getByRole('checkbox', { name: /^e6 / })).toBeChecked();
  await expect(exercise.getByRole('checkbox', { name: /^e6 / })).toBeDisabled();
  await expect(exercise.getByRole('heading', { name: 'Why' })).toBeVisible();
});
