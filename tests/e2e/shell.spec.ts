import { expect, test } from '@playwright/test';
import { expectHeading, tabTo } from './shell-helpers.ts';

test('a learner walks home → path → lesson → next → back with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await expectHeading(page, 'Learn stream processing by watching it run');

  await tabTo(page, page.getByRole('link', { name: 'Beginner', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/path\/beginner$/);
  await expectHeading(page, 'Beginner path');

  await tabTo(page, page.getByRole('link', { name: 'Two clocks on tour', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/path\/beginner\/lesson\/clocks-tour$/);
  await expectHeading(page, 'Two clocks on tour');
  await expect(page.getByText('lesson 1 of 4')).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: /Next → Windows on tour/ }));
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Windows on tour');

  await page.goBack();
  await expectHeading(page, 'Two clocks on tour');
  await page.goBack();
  await expectHeading(page, 'Beginner path');
  await page.goForward();
  await expectHeading(page, 'Two clocks on tour');
});

test('the skip link moves focus to the page content', async ({ page }) => {
  await page.goto('/#/glossary');
  await expectHeading(page, 'Glossary');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('home lists the three paths in order, planned lessons as coming soon and not as links', async ({ page }) => {
  await page.goto('/');
  const paths = page.getByRole('article');
  await expect(paths.getByRole('heading', { level: 3 })).toHaveText(['Beginner', 'Intermediate', 'Advanced']);
  const beginner = paths.first();
  await expect(beginner.getByText('Sessions on tour')).toBeVisible();
  await expect(beginner.getByRole('link', { name: 'Sessions on tour' })).toHaveCount(0);
  await expect(beginner.getByText('Coming soon', { exact: true })).toHaveCount(1);
  await expect(beginner.getByText('0 of 3 lessons done · 1 coming soon')).toBeVisible();
});

test('opening a lesson marks it in progress; marking it done shows on the home page', async ({ page }) => {
  await page.goto('/#/path/beginner/lesson/windows-tour');
  await expectHeading(page, 'Windows on tour');
  await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await expect(page.getByText('You finished this lesson.')).toBeVisible();
  await page.goto('/#/lesson/clocks-tour');
  await expectHeading(page, 'Two clocks on tour');
  await page.goto('/');
  const beginner = page.getByRole('article').first();
  await expect(beginner.getByRole('listitem').filter({ hasText: 'Windows on tour' })).toContainText('Done');
  await expect(beginner.getByRole('listitem').filter({ hasText: 'Two clocks on tour' })).toContainText('In progress');
  await expect(beginner.getByText('1 of 3 lessons done · 1 coming soon')).toBeVisible();
});

test('a lesson reached without a path uses the first path that holds it, and the path in the URL otherwise', async ({ page }) => {
  await page.goto('/#/lesson/late-records-tour');
  await expect(page.getByText('lesson 3 of 4')).toBeVisible();
  await page.goto('/#/path/intermediate/lesson/late-records-tour');
  await expect(page.getByText('lesson 2 of 2')).toBeVisible();
  await expect(page.getByRole('link', { name: /Previous Windows on tour/ })).toBeVisible();
});

test('the lesson page shows objectives, slots for the simulation and exercise, and links terms to the glossary', async ({ page }) => {
  await page.goto('/#/lesson/clocks-tour');
  await expect(page.getByRole('heading', { name: 'You will be able to' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ten readings from a delayed sensor' })).toContainText('Watermark delay');
  await expect(page.getByRole('region', { name: /^Exercise/ })).toContainText('How many land in the window');
  await page.getByRole('link', { name: 'event time', exact: true }).click();
  await expect(page).toHaveURL(/#\/glossary\/event-time$/);
  await expect(page.locator('#term-event-time')).toBeFocused();
  // Real lessons use the term too; what matters is that this lesson is listed and links back.
  await expect(page.locator('#term-event-time')).toContainText('Used in:');
  await expect(page.locator('#term-event-time').getByRole('link', { name: 'Two clocks on tour', exact: true })).toHaveAttribute('href', '#/lesson/clocks-tour');
});

test('code samples switch tabs with the arrow keys, highlight, and confirm a copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/lesson/clocks-tour');
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveText(['Flink · Java', 'Flink · SQL', 'Spark · Scala', 'Beam · Python']);
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Flink · SQL' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Flink · SQL' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tabpanel')).toContainText('beam.WindowInto');
  await expect(page.locator('[role=tabpanel] .shiki')).toBeVisible();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: /Copy/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the Flink · Java code' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('TumblingEventTimeWindows');
});

test('an unknown address shows a helpful not-found page', async ({ page }) => {
  await page.goto('/#/no/such/page');
  await expectHeading(page, 'Not found');
  await expect(page.getByRole('link', { name: 'The learning paths' })).toBeVisible();
  await page.goto('/#/lesson/no-such-lesson');
  await expect(page.getByText('There is no lesson “no-such-lesson”')).toBeVisible();
});
