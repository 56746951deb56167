// A learner walks the storm-topologies lesson: plays its simulation, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const LESSON = 'storm-topologies';

/** The reference answer from the exercise engine's CLI, for the seed the page shows (1 unless "variant N"). */
async function solution(exercise: Locator, id: string): Promise<unknown> {
  const variant = (await exercise.textContent())?.match(/variant (\d+)/);
  const seed = variant ? variant[1] : '1';
  return JSON.parse(execFileSync('npx', ['tsx', 'src/exercises/cli.ts', 'solve', `${LESSON}/${id}`, '--seed', seed], { encoding: 'utf8' }));
}

const exerciseCard = (page: Page, id: string) => page.locator(`[data-exercise="${LESSON}/${id}"]`);

async function expectCorrect(exercise: Locator): Promise<void> {
  await expect(exercise.getByText('Correct', { exact: true })).toBeVisible();
}

test('plays the simulation, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(120_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Storm: spouts, bolts and acking');

  // The windowed bolt: stepping shows nothing until the first window is evaluated; at the end, 3 windows + 1 late tuple.
  const bolt = page.locator('section.simulation').first();
  const output = bolt.getByRole('region', { name: 'Output' });
  await bolt.getByRole('button', { name: 'Step forward' }).click();
  await expect(output).toContainText('0 rows');
  await bolt.getByRole('button', { name: 'Play' }).click();
  await bolt.getByRole('button', { name: 'Jump to end' }).click();
  await expect(output).toContainText('4 rows');

  const late = exerciseCard(page, 'late-tuples');
  for (const id of (await solution(late, 'late-tuples')) as string[]) await late.getByRole('checkbox', { name: new RegExp(`^${id} `) }).check();
  await late.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(late);

  const predict = exerciseCard(page, 'predict-bolt');
  for (const pane of (await solution(predict, 'predict-bolt')) as { window: string; value: number }[]) {
    const window = predict.getByRole('group', { name: `Window ${pane.window}` });
    await window.getByRole('button', { name: `Add a result for ${pane.window}` }).click();
    await window.getByLabel('Value').last().fill(String(pane.value));
  }
  await predict.getByRole('button', { name: 'Run and compare' }).click();
  await expectCorrect(predict);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  for (const id of ['late-tuples', 'predict-bolt']) await expectCorrect(exerciseCard(page, id));
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(exerciseCard(page, 'predict-bolt')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // One viewport-sized shot per kind of block, to look at (a full-page shot is too tall to read).
  await page.locator('section.simulation').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-simulation.png') });
  await page.getByRole('heading', { name: 'In code' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-code.png') });
});
