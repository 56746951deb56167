// A learner opens the joins tour: plays and steps the join and the pattern, watches state and results change,
// reads both as tables with the keyboard only, and the page passes axe and reads at 360 px wide.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { simulation } from './lessonWalk.ts';

const JOIN = 'Orders meet payments within 5 s';
const CEP = 'A login followed by a purchase within 3 s';
const clock = (sim: Locator) => sim.getByRole('slider', { name: 'Processing time' });

test('plays and steps the join: state grows and is evicted, pairs and nulls come out with why', async ({ page }) => {
  await page.goto('/#/lesson/joins-tour');
  const join = simulation(page, JOIN);
  const summary = join.locator('.sizes');
  await expect(summary).toHaveText('At 0 ms: left holds 0, right holds 0; 0 results.');

  // Orders 1 and 2 arrive, then payment 1 (3.5 s) joins order 1.
  for (let i = 0; i < 3; i++) await join.getByRole('button', { name: 'Step forward' }).click();
  await expect(summary).toHaveText('At 3.5 s: left holds 2, right holds 1; 1 result.');
  await expect(join.getByRole('region', { name: 'Join results' })).toContainText('"order 1""paid 1"3 s');

  // Playing moves processing time on by itself; pausing stops it.
  await join.getByRole('button', { name: 'Play' }).click();
  await expect(clock(join)).not.toHaveAttribute('aria-valuetext', /processing time 3\.5 s of/);
  await join.getByRole('button', { name: 'Pause' }).click();

  // At the end stream time has passed order 2's, 4's and 6's windows plus grace: three nulls, each with its reason;
  // the oldest records have been evicted, so the state holds fewer than have arrived.
  await join.getByRole('button', { name: 'Jump to end' }).click();
  await expect(summary).toHaveText(/^At 27 s: left holds \d+, right holds \d+; 6 results\.$/);
  const nulls = join.getByRole('region', { name: 'Join results' }).getByRole('row').filter({ hasText: '◇ null result' });
  await expect(nulls).toHaveCount(3);
  await expect(nulls.first()).toContainText('no match before the window closed');
});

test('reads the join and the pattern as tables with the keyboard alone', async ({ page }) => {
  await page.goto('/#/lesson/joins-tour');
  const join = simulation(page, JOIN);
  await join.getByRole('button', { name: 'Show as table' }).focus();
  await page.keyboard.press('Enter');
  const records = join.getByRole('region', { name: 'Join records as a table' });
  await records.focus();
  await page.keyboard.press('End');
  await expect(records.getByRole('table')).toHaveAccessibleName(/^11 records by 27 s/);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(records.getByRole('table')).toHaveAccessibleName('2 records by 2 s');
  // Kafka Streams clamps the fetched range at 0, so order 1 at 1 s can match payments from 0 ms, not −4 s.
  await expect(records.getByRole('row').nth(1)).toContainText('lefto1"order 1"1 s[0 ms, 6 s]● held');

  // The pattern: step to where bob's login is waiting at 2.6 s, then to the end where it has timed out.
  const cep = simulation(page, CEP);
  await cep.getByRole('button', { name: 'Show as table' }).focus();
  await page.keyboard.press('Space');
  const runs = cep.getByRole('region', { name: 'Partial matches as a table' });
  await runs.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(runs.getByRole('table')).toHaveAccessibleName(/partial matches at 2\.6 s; pattern clock 1\.999 s/);
  await expect(runs.getByRole('row').filter({ hasText: 'bob' }).first()).toContainText('login1.5 s4.5 s');
  await page.keyboard.press('End');
  await expect(cep.getByRole('table', { name: '2 matches so far' })).toContainText('✓ 1 s, 2 s, 3 s');
  await expect(cep.getByRole('region', { name: 'Ended without a match' }).getByRole('row').filter({ hasText: 'bob' }).first()).toContainText('⏱ timed out');
});

test('moves partial matches through the pattern, without gliding when motion is reduced', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/lesson/joins-tour');
  const cep = simulation(page, CEP);
  const diagram = cep.getByRole('img', { name: /^Pattern login then browse then buy/ });
  for (let i = 0; i < 3; i++) await cep.getByRole('button', { name: 'Step forward' }).click();
  // By 2.6 s both ann's login (processed at 2.1 s) and bob's (2.6 s) wait at the first stage.
  await expect(diagram).toHaveAccessibleName(/2 at login, 0 at browse, 0 at buy; 0 matches/);
  await cep.getByRole('button', { name: 'Step forward' }).click();
  await expect(diagram).toHaveAccessibleName(/0 matches$/);
  const token = diagram.locator('.token').first();
  await expect(token).toBeVisible();
  expect(Number.parseFloat(await token.evaluate((el) => getComputedStyle(el).transitionDuration))).toBeLessThan(0.01);
  await cep.getByRole('button', { name: 'Jump to end' }).click();
  await expect(diagram).toHaveAccessibleName(/2 matches$/);
});

test('passes axe and reads at 360 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/#/lesson/joins-tour');
  for (const title of [JOIN, CEP]) {
    const sim = simulation(page, title);
    for (let i = 0; i < 5; i++) await sim.getByRole('button', { name: 'Step forward' }).click();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('joins-360.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page }).analyze();
  expect(dark.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('joins-360-dark.png'), fullPage: true });
});
