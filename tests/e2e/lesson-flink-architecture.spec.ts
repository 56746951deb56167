// A learner walks the flink-architecture lesson: plays its simulations, answers every exercise with the answer the
// exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const LESSON = 'flink-architecture';
const NUM_EXERCISES = ['chained-tasks', 'slots', 'key-group-subtask', 'after-rescale'];

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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flink: JobManager, TaskManagers, slots, key groups');

  // The parallel job: 6 per-key window results by the end of the run.
  const job = simulation(page, 'source(4) → enrich(4) → keyBy → window(8) → sink(8)');
  await job.getByRole('button', { name: 'Play' }).click();
  await job.getByRole('button', { name: 'Jump to end' }).click();
  await expect(job.getByRole('region', { name: 'Output' })).toContainText('6 rows');

  const rescaled = simulation(page, 'The same job rescaled to parallelism 3');
  await rescaled.getByRole('button', { name: 'Jump to end' }).click();
  await expect(rescaled.getByRole('region', { name: 'Output' })).toContainText('user-7');

  for (const id of NUM_EXERCISES) {
    const card = exerciseCard(page, id);
    await card.getByLabel('Your answer').fill(String(await solution(card, id)));
    await card.getByRole('button', { name: 'Check' }).click();
    await expectCorrect(card);
  }

  const predict = exerciseCard(page, 'predict-keyed');
  for (const pane of (await solution(predict, 'predict-keyed')) as { window: string; value: number; timing: string }[]) {
    const window = predict.getByRole('group', { name: `Window ${pane.window}` });
    await window.getByRole('button', { name: `Add a result for ${pane.window}` }).click();
    await window.getByLabel('Value').last().fill(String(pane.value));
    await window.getByLabel('Timing').last().selectOption(pane.timing);
  }
  await predict.getByRole('button', { name: 'Run and compare' }).click();
  await expectCorrect(predict);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  for (const id of [...NUM_EXERCISES, 'predict-keyed']) await expectCorrect(exerciseCard(page, id));
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(exerciseCard(page, 'predict-keyed')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // One viewport-sized shot per kind of block, to look at (a full-page shot is too tall to read).
  await page.getByRole('heading', { name: 'keyBy → key group → subtask' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-prose.png') });
  await exerciseCard(page, 'predict-keyed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-exercise.png') });
});
