// A learner who already knows the basics takes the placement check at the start of the intermediate path:
// answers the questions (all right except one of the late-data ones), finishes, and finds the lessons
// answered fully correctly marked as known, after a reload too. (The e2e build uses the fixture paths.yaml.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { answerCorrectly, exerciseCard } from './lessonWalk.ts';

test('passing the questions of a lesson marks it as known, and the result survives a reload', async ({ page }) => {
  // Each right answer comes from the exercise CLI, a node process per question.
  test.setTimeout(120_000);
  await page.goto('/#/path/intermediate');
  const card = page.getByRole('region', { name: 'Placement check' });
  await expect(card).toContainText('Event time vs processing time');
  await card.getByRole('link', { name: 'Take the placement check' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Placement check');
  await expect(page.getByRole('heading', { name: /^Question 1 of 5/ })).toBeVisible();

  await answerCorrectly(page, 'two-clocks/event-time-counts', 'num');
  await answerCorrectly(page, 'watermarks-101/place-watermark', 'drag');
  await answerCorrectly(page, 'watermarks-101/silent-source', 'select');
  await answerCorrectly(page, 'late-data/which-dropped', 'select');
  const lateFirings = exerciseCard(page, 'late-data/late-firings');
  await lateFirings.getByLabel('Your answer').fill('1');
  await lateFirings.getByRole('button', { name: 'Check' }).click();
  await expect(lateFirings.getByText('Not yet')).toBeVisible();
  await expect(page.getByText('5 of 5 questions answered.')).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.getByRole('button', { name: 'Finish the check' }).click();
  const result = page.getByRole('region', { name: 'Your result' });
  await expect(result.getByRole('heading', { name: 'Your result' })).toBeFocused();
  await expect(result).toContainText('Marked as known: “Event time vs processing time” and “When does a window fire?”.');
  await expect(result).toContainText('Worth working through: “Late data: drop, allow, side output”.');

  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('eventide.progress')!));
  expect(saved.placement.testedOut).toEqual(['two-clocks', 'watermarks-101']);
  // The sitting's answers stay out of the lessons' own exercise progress.
  expect(saved.exercises).toEqual({});

  await result.getByRole('link', { name: 'Continue the Intermediate path' }).click();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Placement check' })).toContainText('Known: “Event time vs processing time” and “When does a window fire?”.');
  await expect(page.getByRole('link', { name: 'Retake the placement check' })).toBeVisible();

  await page.goto('/#/lesson/two-clocks');
  await expect(page.locator('.meta').getByText('Done')).toBeVisible();
  await page.goto('/#/lesson/late-data');
  await expect(page.locator('.meta').getByText('In progress')).toBeVisible();
});

test('the beginner path has no placement check, and an unknown path has none either', async ({ page }) => {
  await page.goto('/#/path/beginner');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beginner path');
  await expect(page.getByRole('region', { name: 'Placement check' })).toHaveCount(0);
  await page.goto('/#/path/beginner/placement');
  await expect(page.getByText(/placement check for “beginner”/)).toBeVisible();
});

test('the placement check reads at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/#/path/advanced/placement');
  await expect(exerciseCard(page, 'late-data/which-dropped')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
