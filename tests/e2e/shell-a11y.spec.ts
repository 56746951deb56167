import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const pages = [
  { name: 'home', url: '/' },
  { name: 'path', url: '/#/path/beginner' },
  { name: 'lesson', url: '/#/path/beginner/lesson/clocks-tour' },
  { name: 'sandbox', url: '/#/sandbox' },
  { name: 'glossary', url: '/#/glossary/watermark' },
  { name: 'progress', url: '/#/progress' },
  { name: 'settings', url: '/#/settings' },
  { name: 'not found', url: '/#/nowhere' },
];

async function openAndSettle(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0);
  if (url.includes('/lesson/')) await expect(page.locator('[role=tabpanel] .shiki')).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  for (const { name, url } of pages) {
    test(`the ${name} page has no serious or critical accessibility violations in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openAndSettle(page, url);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('the dark theme chosen in settings overrides a light system theme and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(17, 21, 27)');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await background()).toBe('rgb(17, 21, 27)');
});

test('reduced motion follows the system until the learner overrides it', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/settings');
  await expect(page.locator('html')).toHaveClass(/reduce-motion/);
  await page.getByRole('radio', { name: 'Full animation' }).check();
  await expect(page.locator('html')).not.toHaveClass(/reduce-motion/);
  await expect(page.getByText('Animations are on now.')).toBeVisible();
});

for (const { name, url } of pages.filter((p) => ['home', 'lesson', 'glossary', 'progress'].includes(p.name))) {
  test(`the ${name} page fits 360 px without horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await openAndSettle(page, url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `test-results/shell-360-${name.replace(' ', '-')}.png`, fullPage: true });
  });
}

test('the lesson page fits 360 px in dark mode too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 780 });
  await openAndSettle(page, '/#/path/beginner/lesson/clocks-tour');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/shell-360-lesson-dark.png', fullPage: true });
});
