// What a learner does on a lesson page, for the lesson walks: find a simulation or an exercise, play, and answer
// an exercise with the exercise engine's reference answer for the seed the page shows.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';

export const exerciseCard = (page: Page, id: string): Locator => page.locator(`[data-exercise="${id}"]`);

export const simulation = (page: Page, title: string): Locator =>
  page.locator('section.simulation').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** The reference answer from the exercise CLI, for the seed the card shows (1 unless it says "variant N"). */
export async function solution(card: Locator, id: string): Promise<unknown> {
  const seed = (await card.textContent())?.match(/variant (\d+)/)?.[1] ?? '1';
  return JSON.parse(execFileSync('npx', ['tsx', 'src/exercises/cli.ts', 'solve', id, '--seed', seed], { encoding: 'utf8' }));
}

export type Kind = 'select' | 'num' | 'param' | 'predict' | 'drag';

/** Enters the reference answer the way a learner would, checks it, and expects "Correct". */
export async function answerCorrectly(page: Page, id: string, kind: Kind): Promise<void> {
  const card = exerciseCard(page, id);
  const answer = await solution(card, id);
  if (kind === 'num' && typeof answer === 'number') await card.getByLabel('Your answer').fill(String(answer));
  if (kind === 'num' && typeof answer === 'object') {
    for (const [window, n] of Object.entries(answer as Record<string, number>)) await card.getByLabel(window, { exact: true }).fill(String(n));
  }
  if (kind === 'select') {
    // The solver answers with option ids; each checkbox carries its id as its value, its label is what a learner reads.
    for (const choice of answer as string[]) await card.locator(`input[type="checkbox"][value="${choice}"]`).check();
  }
  if (kind === 'drag') {
    // With the keyboard, as the handle allows: Home, then one arrow press per axis step.
    const handle = card.getByRole('slider');
    const [from, step] = await Promise.all([handle.getAttribute('aria-valuemin'), stepOf(handle)]);
    await handle.press('Home');
    for (let t = Number(from); t < (answer as number); t += step) await handle.press('ArrowRight');
  }
  if (kind === 'param') {
    const settings = Object.values(answer as Record<string, number>);
    const sliders = card.getByRole('slider');
    for (const [i, value] of settings.entries()) await sliders.nth(i).fill(String(value));
  }
  if (kind === 'predict') {
    for (const pane of answer as { window: string; value: number; timing?: string; after?: string }[]) {
      const group = card.getByRole('group', { name: `Window ${pane.window}` });
      await group.getByRole('button', { name: `Add a result for ${pane.window}` }).click();
      await group.getByLabel('Value').last().fill(String(pane.value));
      if (pane.timing) await group.getByLabel('Timing').last().selectOption(pane.timing);
      if (pane.after) await group.getByLabel('After').last().selectOption(pane.after);
    }
  }
  await card.getByRole('button', { name: kind === 'predict' ? 'Run and compare' : 'Check' }).click();
  await expectCorrect(card);
}

export async function expectCorrect(card: Locator): Promise<void> {
  await expect(card.getByText('Correct', { exact: true })).toBeVisible();
}

/** Axe finds no serious or critical violation on the page in light mode, nor in dark mode (then back to light). */
export async function expectAccessibleInBothThemes(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Answers every exercise, checks axe in light and dark mode (no serious or critical violation), reloads, and finds every answer saved. */
export async function answerAllThenReload(page: Page, lessonId: string, exercises: readonly (readonly [string, Kind])[]): Promise<void> {
  for (const [id, kind] of exercises) await answerCorrectly(page, `${lessonId}/${id}`, kind);
  await expectAccessibleInBothThemes(page);
  await page.reload();
  for (const [id] of exercises) await expectCorrect(exerciseCard(page, `${lessonId}/${id}`));
}

/** The lesson on a 360 px phone: no sideways scrolling, and a full-page screenshot in the test output to look at. */
export async function checkPhoneWidth(page: Page, testInfo: TestInfo, lessonId: string, firstExerciseId: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#/lesson/${lessonId}`);
  await expect(exerciseCard(page, `${lessonId}/${firstExerciseId}`)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath(`${lessonId}-360.png`), fullPage: true });
}

/** Plays a simulation to its end and returns its output region. */
export async function playToEnd(sim: Locator): Promise<Locator> {
  await sim.getByRole('button', { name: 'Play' }).click();
  await sim.getByRole('button', { name: 'Jump to end' }).click();
  return sim.getByRole('region', { name: 'Output' });
}

/** The axis step: how far one arrow press moves the handle from the start of the axis. */
async function stepOf(handle: Locator): Promise<number> {
  await handle.press('Home');
  const from = Number(await handle.getAttribute('aria-valuenow'));
  await handle.press('ArrowRight');
  return Number(await handle.getAttribute('aria-valuenow')) - from;
}

