// A learner walks the engine-selection lesson: plays the same stream under four engines, answers every exercise
// with the answer the exercise engine computes for the seed the page shows, reloads, and finds the answers saved.
import { expect, test } from '@playwright/test';
import { answerAllThenReload, checkPhoneWidth, exerciseCard, expectCorrect, playToEnd, simulation, solution } from './lessonWalk.ts';

const LESSON = 'engine-selection';
const EXERCISES = [
  ['storm-late', 'select'], ['spark-count', 'num'], ['predict-kafka', 'predict'], ['benchmark-claims', 'select'], ['lambda-or-kappa', 'select'],
] as const;
const CARDS = ['card-fraud-alerts', 'card-no-ops-team'];
const ENGINE_NAMES: Record<string, string> = { flink: 'Apache Flink', 'kafka-streams': 'Kafka Streams', spark: 'Spark Structured Streaming', storm: 'Apache Storm' };

test('plays the four engines, answers every exercise, and keeps the answers after a reload', async ({ page }) => {
  test.setTimeout(180_000); // each exercise spawns the exercise CLI, and axe scans a long page
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing and choosing engines');

  // Rows by the end of each run (results + records left out), as the lesson's table says.
  const rowsByEngine: [string, string][] = [
    ['Flink: watermark 5 s behind, checked per record', '2 rows'],
    ['Kafka Streams: 5 s grace, final results', '2 rows'],
    ['Spark: watermark 5 s behind, a micro-batch every second, append', '1 row'],
    ['Storm: windowed bolt, lag 5 s, a watermark every second', '4 rows'],
  ];
  for (const [title, rows] of rowsByEngine) await expect(await playToEnd(simulation(page, title))).toContainText(rows);

  // Requirement cards, graded from the course capability matrix; their options are engine names.
  for (const id of CARDS) {
    const card = exerciseCard(page, `${LESSON}/${id}`);
    for (const engine of (await solution(card, `${LESSON}/${id}`)) as string[]) await card.getByRole('checkbox', { name: ENGINE_NAMES[engine] }).check();
    await card.getByRole('button', { name: 'Check' }).click();
    await expectCorrect(card);
  }

  await answerAllThenReload(page, LESSON, EXERCISES);
  for (const id of CARDS) await expectCorrect(exerciseCard(page, `${LESSON}/${id}`));
});

test('reads at 360 px wide', async ({ page }, testInfo) => {
  await checkPhoneWidth(page, testInfo, LESSON, 'predict-kafka');
});
