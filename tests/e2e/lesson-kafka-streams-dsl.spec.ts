// A learner walks the kafka-streams-dsl lesson: plays its simulations, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const LESSON = 'kafka-streams-dsl';

/** The reference answer from the exercise engine's CLI, for the seed the page shows (1 unless "variant N"). */
async function solution(exercise: Locator, id: string): Promise<unknown> {
  const variant = (await exercise.textContent())?.match(/variant (\d+)/);
  const seed = variant ? variant[1] : '1';
  return JSON.parse(execFileSync('npx', ['tsx', 'src/exercises/cli.ts', 'solve', `${LESSON}/${id}`, '--seed', seed], { encoding: 'utf8' }));
}

const exerciseCard = (page: Page, id: string) => page.locator(`[data-exercise="${LESSON}/${id}"]`);
const simulation = (page: Page, title: string) => page.locator('section.simulation').filter({ has: page.getByRole('heading', { name: title }) });

async function expectCorrect(exercise: Locator): Promise<void> {
  await expect(exercise.getByText('Correct', { exact: true })).toBeVisible();
}

test('plays the simulations, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(120_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka Streams: KStream, KTable, tasks and stream time');

  // The changelog: 6 updates and 2 skipped records by the end; stepping shows the first update alone.
  const changelog = simulation(page, 'One task, 10 s windows, 5 s grace: every update goes downstream');
  const output = changelog.getByRole('region', { name: 'Output' });
  await changelog.getByRole('button', { name: 'Step forward' }).click();
  await expect(output).toContainText('1 row');
  await changelog.getByRole('button', { name: 'Jump to end' }).click();
  await expect(output).toContainText('8 rows');

  // A quiet partition's task releases a single final result.
  const quiet = simulation(page, 'Task 1 (partition 1): the partition goes quiet after 12 s');
  await quiet.getByRole('button', { name: 'Play' }).click();
  await quiet.getByRole('button', { name: 'Jump to end' }).click();
  await expect(quiet.getByRole('region', { name: 'Output' })).toContainText('1 row');

  const predict = exerciseCard(page, 'predict-changelog');
  for (const pane of (await solution(predict, 'predict-changelog')) as { window: string; value: number; after: string }[]) {
    const window = predict.getByRole('group', { name: `Window ${pane.window}` });
    await window.getByRole('button', { name: `Add a result for ${pane.window}` }).click();
    await window.getByLabel('Value').last().fill(String(pane.value));
    await window.getByLabel('After').last().selectOption(pane.after);
  }
  await predict.getByRole('button', { name: 'Run and compare' }).click();
  await expectCorrect(predict);

  for (const id of ['late-with-grace', 'quiet-task']) {
    const card = exerciseCard(page, id);
    for (const option of (await solution(card, id)) as string[]) {
      await card.getByRole('checkbox', { name: new RegExp(`^${option.replace(/[[\]()]/g, '\\$&')}( |$)`) }).check();
    }
    await card.getByRole('button', { name: 'Check' }).click();
    await expectCorrect(card);
  }

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  for (const id of ['predict-changelog', 'late-with-grace', 'quiet-task']) await expectCorrect(exerciseCard(page, id));
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(exerciseCard(page, 'quiet-task')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // One viewport-sized shot per kind of block, to look at (a full-page shot is too tall to read).
  await page.locator('section.simulation').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-simulation.png') });
  await exerciseCard(page, 'predict-changelog').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-exercise.png') });
});
