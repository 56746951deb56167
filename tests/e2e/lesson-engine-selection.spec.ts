// A learner walks the engine-selection lesson: plays the same stream under four engines, answers every exercise
// with the answer the exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const LESSON = 'engine-selection';

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

test('plays the four engines, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(120_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing and choosing engines');

  // Rows by the end of each run (results + records left out), as the lesson's table says.
  const rowsByEngine: [string, string][] = [
    ['Flink: watermark 5 s behind, checked per record', '2 rows'],
    ['Kafka Streams: 5 s grace, final results', '2 rows'],
    ['Spark: watermark 5 s behind, a micro-batch every second, append', '1 row'],
    ['Storm: windowed bolt, lag 5 s, a watermark every second', '4 rows'],
  ];
  for (const [title, rows] of rowsByEngine) {
    const sim = simulation(page, title);
    await sim.getByRole('button', { name: 'Jump to end' }).click();
    await expect(sim.getByRole('region', { name: 'Output' })).toContainText(rows);
  }

  // Requirement cards, graded from the course capability matrix.
  for (const id of ['card-fraud-alerts', 'card-no-ops-team']) {
    const card = exerciseCard(page, id);
    for (const engine of (await solution(card, id)) as string[]) {
      const label = { flink: 'Apache Flink', 'kafka-streams': 'Kafka Streams', spark: 'Spark Structured Streaming', storm: 'Apache Storm' }[engine]!;
      await card.getByRole('checkbox', { name: label }).check();
    }
    await card.getByRole('button', { name: 'Check' }).click();
    await expectCorrect(card);
  }

  const stormLate = exerciseCard(page, 'storm-late');
  for (const id of (await solution(stormLate, 'storm-late')) as string[]) await stormLate.getByRole('checkbox', { name: new RegExp(`^${id} `) }).check();
  await stormLate.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(stormLate);

  const sparkCount = exerciseCard(page, 'spark-count');
  await sparkCount.getByLabel('Your answer').fill(String(await solution(sparkCount, 'spark-count')));
  await sparkCount.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(sparkCount);

  const predict = exerciseCard(page, 'predict-kafka');
  for (const pane of (await solution(predict, 'predict-kafka')) as { window: string; value: number; timing: string; after: string }[]) {
    const window = predict.getByRole('group', { name: `Window ${pane.window}` });
    await window.getByRole('button', { name: `Add a result for ${pane.window}` }).click();
    await window.getByLabel('Value').last().fill(String(pane.value));
    await window.getByLabel('Timing').last().selectOption(pane.timing);
    await window.getByLabel('After').last().selectOption(pane.after);
  }
  await predict.getByRole('button', { name: 'Run and compare' }).click();
  await expectCorrect(predict);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  for (const id of ['card-fraud-alerts', 'card-no-ops-team', 'storm-late', 'spark-count', 'predict-kafka']) await expectCorrect(exerciseCard(page, id));
});

test('reads at 360 px wide, table included', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(exerciseCard(page, 'predict-kafka')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // One viewport-sized shot per kind of block, to look at (a full-page shot is too tall to read).
  await page.getByRole('table').filter({ hasText: 'left out' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('360-table.png') });
});
