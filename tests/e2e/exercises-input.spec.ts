// A learner sees the input of the variant they are solving; the input table reads at 360 px in dark mode.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/** The input table's body rows, each as its cells' text separated by tabs. */
const inputRows = (card: Locator) => card.getByRole('region', { name: /input records/ }).locator('tbody tr').allInnerTexts();

test('a new variant shows its own input records, and the table folds away at 360 px in dark mode', async ({ page }) => {
  await page.goto('/#/lesson/late-records-tour');
  const card = page.locator('[data-exercise]');
  const input = card.getByRole('region', { name: /input records/ });
  await expect(card.getByText('Input: 8 records')).toBeVisible();
  expect(await inputRows(card)).toContain('e4\t1\t3\t14');

  await card.getByRole('checkbox', { name: /^e1 / }).check();
  await card.getByRole('button', { name: 'New variant' }).click();
  await expect(card.getByText(/^Input of variant \d+: 8 records/)).toBeVisible();
  const variantRows = await inputRows(card);
  // The choices name each record with its event time and arrival: they agree with the new table row by row.
  for (const row of variantRows) {
    const [id, , ts, arrival] = row.split('\t');
    await expect(card.getByRole('checkbox', { name: `${id} (event time ${ts} s, arrived at ${arrival} s)` })).toBeVisible();
  }

  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(input).toBeHidden();
  await card.getByText(/^Input of variant/).click();
  await expect(input).toBeVisible();
  // The card never scrolls sideways: the table fits (or scrolls inside its own region).
  const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).include('[data-exercise]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('a variant that draws its settings shows them above the input, and its answer is the one for those settings', async ({ page }) => {
  const id = 'spark-microbatch/overrun-start';
  await page.goto('/#/lesson/spark-microbatch');
  const card = page.locator(`[data-exercise="${id}"]`);
  const settings = card.getByRole('group', { name: 'Settings' });
  await expect(settings.getByRole('term')).toHaveText(['Trigger interval', 'Micro-batch duration']);
  await expect(settings.getByRole('definition')).toHaveText(['2 s', '3 s per batch']);

  await card.getByLabel('Your answer').fill('1');
  await card.getByRole('button', { name: 'Check' }).click();
  await card.getByRole('button', { name: 'New variant' }).click();
  const variant = card.getByRole('group', { name: /^Settings of variant \d+$/ });
  await expect(variant).toBeVisible();
  const seed = (await variant.textContent())!.match(/variant (\d+)/)![1];
  const cli = (command: string) => JSON.parse(execFileSync('npx', ['tsx', 'src/exercises/cli.ts', command, id, '--seed', seed], { encoding: 'utf8' }));
  const shown = cli('settings') as Record<string, string>;
  await expect(variant.getByRole('definition')).toHaveText([shown.trigger, shown['batch-duration']]);
  await card.getByLabel('Your answer').fill(String(cli('solve')));
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(card.getByText('Correct', { exact: true })).toBeVisible();

  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  // The results table shown once it is solved must not widen the card either.
  const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await card.screenshot({ path: test.info().outputPath('settings-360-dark.png') });
  const results = await new AxeBuilder({ page }).include(`[data-exercise="${id}"]`).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
