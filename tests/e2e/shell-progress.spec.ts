import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';

test('progress exports to a file and imports back after a reset', async ({ page }, testInfo) => {
  await page.goto('/#/lesson/clocks-tour');
  await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await page.goto('/#/progress');
  await expect(page.getByRole('listitem').filter({ hasText: 'Two clocks on tour' })).toContainText('Done');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = testInfo.outputPath('progress.json');
  await (await download).saveAs(file);

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByText('You have not opened a lesson yet.')).toBeVisible();

  await page.getByLabel('Progress file to import').setInputFiles(file);
  await page.getByRole('dialog', { name: 'Replace your progress?' }).getByRole('button', { name: 'Import and replace' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported progress for 1 lesson' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Two clocks on tour' })).toContainText('Done');
});

test('a tampered progress file is refused with the reason, and saved progress stays as it was', async ({ page }, testInfo) => {
  await page.goto('/#/lesson/clocks-tour');
  await expect(page.getByText('In progress', { exact: true })).toBeVisible();
  await page.goto('/#/progress');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = testInfo.outputPath('tampered.json');
  await (await download).saveAs(file);
  await writeFile(file, (await readFile(file, 'utf8')).replace('"in-progress"', '"done"'));

  await page.getByLabel('Progress file to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Import and replace' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changed after it was exported' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Two clocks on tour' })).toContainText('In progress');
});

test('unreadable saved progress is kept under a backup key and offered for download', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('eventide.progress', '{"version":1,"lessons":{'));
  await page.reload();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Saved progress could not be read');
  const backup = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('eventide.progress.backup.')));
  expect(backup).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), backup[0])).toBe('{"version":1,"lessons":{');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the unreadable data' }).click();
  expect((await download).suggestedFilename()).toBe('eventide-progress-unreadable.json');
});
