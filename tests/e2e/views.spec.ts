import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, outputRows, scrubber } from './sandboxHelpers.ts';

test.describe('simulation views', () => {
  test('a lesson embeds a live simulation whose control re-runs it', async ({ page }) => {
    await page.goto('/#/path/beginner/lesson/clocks-tour');
    const simulation = page.getByRole('region', { name: /delayed|sensor/i }).filter({ has: page.getByRole('toolbar', { name: 'Playback' }) }).first();
    await expect(simulation.getByRole('group', { name: 'Time plot' })).toBeVisible();
    await simulation.getByRole('group', { name: 'Time plot' }).focus();
    await page.keyboard.press('End');
    const rows = simulation.getByRole('region', { name: 'Output' }).locator('tbody tr');
    const before = await rows.allTextContents();
    expect(before.length).toBeGreaterThan(0);
    await simulation.getByLabel('Watermark delay').fill('0');
    await simulation.getByLabel('Watermark delay').press('Enter');
    await page.keyboard.press('End');
    await expect.poll(() => rows.allTextContents()).not.toEqual(before);
    await expectNoSeriousViolations(page);
  });

  test('space plays and pauses only the simulation that has focus', async ({ page }) => {
    await page.goto('/#/sandbox');
    await page.getByRole('group', { name: 'Time plot' }).focus();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const paused = await scrubber(page).inputValue();
    // With focus outside the simulation, its keys do nothing.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('End');
    await expect(scrubber(page)).toHaveValue(paused);
  });

  test('crashing a task in the sandbox shows the restore from the last checkpoint and the records replayed', async ({ page }) => {
    await page.goto('/#/sandbox');
    await page.getByLabel('Preset').selectOption({ label: 'A parallel job: a slow hot key, checkpoints, and a crash at 6 s (Flink runtime)' });
    const dataflow = page.getByRole('region', { name: 'Dataflow' });
    await expect(dataflow).toBeVisible({ timeout: 20_000 });
    await scrubber(page).fill('3000');
    await dataflow.getByRole('button', { name: /^window-1/ }).first().click();
    await page.getByRole('button', { name: 'Crash this task at 3 s' }).click();
    await expect(dataflow).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const recovery = page.getByRole('list', { name: 'Failures and recovery so far' });
    await expect(recovery).toContainText('window-1');
    await expect(recovery).toContainText(/restor/i);
    await expect(page.getByRole('region', { name: 'Metrics' }).getByRole('img').first()).toBeVisible();
    await scrubber(page).fill('3600');
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: 'test-results/screens/runtime-views.png', fullPage: true });
  });

  test('reduced motion still plays, in steps', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#/sandbox');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => Number(await scrubber(page).inputValue()), { timeout: 5000 }).toBeGreaterThan(0);
    await expect(outputRows(page).first()).toBeVisible();
  });
});
