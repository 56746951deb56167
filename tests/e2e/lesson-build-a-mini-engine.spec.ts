// A learner walks the build-a-mini-engine lesson: plays its simulations, predicts the lateness results, types a
// correct function into the code editor and sees the hidden tests pass (and the progress survive a reload), types
// a broken one and reads which case fails, loops forever without freezing the page, and leaves the editor with
// Escape then Tab.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { answerCorrectly, exerciseCard, expectAccessibleInBothThemes, expectCorrect, playToEnd, simulation, solution } from './lessonWalk.ts';

const LESSON = 'build-a-mini-engine';
const id = (exercise: string) => `${LESSON}/${exercise}`;

/** Replaces the editor's text the way a paste does (typing key by key would trigger auto-indent and brackets). */
async function enterCode(page: Page, card: Locator, source: string): Promise<void> {
  const editor = card.getByRole('textbox', { name: /Your code: define/ });
  await expect(editor).toHaveClass(/cm-content/);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(source);
}

test('plays the simulations, passes and fails the hidden tests, and keeps the progress after a reload', async ({ page }) => {
  // Reference answers come from the exercise CLI (a node process each), and each check runs a Web Worker.
  test.setTimeout(240_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Build a mini engine');

  // The idle meter comes back behind the watermark: its reading stamped 6 s is dropped.
  const idle = simulation(page, 'Two partitions, one silent for 11 s, idle after 3 s');
  await playToEnd(idle);
  await expect(idle.getByRole('region', { name: 'Event log' })).toContainText('record of key meter-b at event time 6 s dropped as late');

  // Two sensors with 5 s of lateness: 7 results and 1 dropped record.
  await expect(await playToEnd(simulation(page, 'Two sensors, 10 s windows, 2 s delay, 5 s allowed lateness'))).toContainText('8 rows');

  await answerCorrectly(page, id('predict-late-readings'), 'predict');

  // The valve, typed correctly: every hidden test passes.
  const valve = exerciseCard(page, id('valve'));
  await enterCode(page, valve, (await solution(valve, id('valve'))) as string);
  await valve.getByRole('button', { name: 'Check' }).click();
  await expectCorrect(valve);
  await expect(valve).toContainText(/All \d+ hidden tests pass\./);

  // The window operator with the lateness inequality off by one: the feedback names the case and the difference.
  const windowCard = exerciseCard(page, id('window-operator'));
  const reference = (await solution(windowCard, id('window-operator'))) as string;
  await enterCode(page, windowCard, reference.replace('cleanupTime(end) <= watermark', 'cleanupTime(end) < watermark'));
  await windowCard.getByRole('button', { name: 'Check' }).click();
  await expect(windowCard.getByText('Not yet', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(windowCard).toContainText(/hidden tests fail\. Hidden test \d+ of \d+ \(".*"\) fails\. Input: .*Expected: at .*: drop .*Your code: .* LATE\./);

  // An endless loop is stopped and named; meanwhile the page still answers.
  const alignment = exerciseCard(page, id('barrier-alignment'));
  await enterCode(page, alignment, 'function createAligner(task) {\nwhile (true) {}\n}');
  await alignment.getByRole('button', { name: 'Check' }).click();
  await expect(alignment.getByRole('status')).toHaveText('Checking…');
  await page.getByRole('button', { name: 'Hint (2 left)' }).first().click();
  await expect(alignment).toContainText(/Stopped: hidden test 1 of \d+ \("barrier 1 reaches input 0 first"\) ran for more than 1\.5 s\./);

  // Keyboard: Escape, then Tab, leaves the editor.
  await alignment.getByRole('button', { name: 'Try again' }).click();
  await alignment.getByRole('textbox', { name: /Your code: define/ }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(alignment.getByRole('textbox', { name: /Your code: define/ })).not.toBeFocused();

  await expectAccessibleInBothThemes(page);

  await page.reload();
  await expectCorrect(exerciseCard(page, id('predict-late-readings')));
  await expectCorrect(exerciseCard(page, id('valve')));
  await expect(exerciseCard(page, id('valve')).getByRole('textbox', { name: /Your code: define/ })).toContainText('isAligned');
});

test('reads at 360 px wide, with the editor inside the page', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${LESSON}`);
  const editor = exerciseCard(page, id('valve')).getByRole('textbox', { name: /Your code: define/ });
  await expect(editor).toHaveClass(/cm-content/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await exerciseCard(page, id('valve')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('build-a-mini-engine-360.png'), fullPage: true });
  await simulation(page, 'Two sensors, 10 s windows, 2 s delay, 5 s allowed lateness').screenshot({ path: testInfo.outputPath('build-a-mini-engine-360-simulation.png') });
  await exerciseCard(page, id('valve')).screenshot({ path: testInfo.outputPath('build-a-mini-engine-360-valve.png') });
});
