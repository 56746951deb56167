// The course in the sandbox: every lesson scenario is a preset grouped by lesson, a lesson simulation opens in the
// sandbox through a share link, and join and CEP scenarios (presets or imported files) play in their own views.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, outputRows, scrubber } from './sandboxHelpers.ts';

const JOIN = 'L05 Joins and patterns on tour — Orders meet payments within 5 s';
const LATE = 'L03 Late records on tour — Eight records, 5 s delay, no lateness';

test('offers the lessons’ scenarios as presets grouped by lesson, and plays a windowed one', async ({ page }) => {
  await page.goto('/#/sandbox');
  const preset = page.getByLabel('Preset');
  await expect(preset.locator('optgroup[label="L03 Late records on tour"] option')).toHaveText([LATE]);
  await expect(preset.locator('optgroup[label="Sandbox"] option').first()).toBeAttached();
  await preset.selectOption({ label: LATE });
  await expect(page.getByText('Scenario: Eight records, 5 s delay, no lateness')).toBeVisible();
  await expect(page.getByLabel('Watermark delay')).toHaveValue('5000');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(outputRows(page).filter({ hasText: 'dropped' }).first()).toBeVisible();
});

test('plays a join preset in the join view, stepping with the shared playback, and shares that moment', async ({ page, context }) => {
  await page.goto('/#/sandbox');
  await page.getByLabel('Preset').selectOption({ label: JOIN });
  const view = page.getByRole('region', { name: 'Join state and results' });
  await expect(view).toBeVisible();
  await expect(page.getByRole('region', { name: 'Configuration A' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Compare A/B' })).toHaveCount(0);
  const summary = view.locator('.sizes');
  await expect(summary).toHaveText('At 0 ms: left holds 0, right holds 0; 0 results.');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(summary).toHaveText('At 3.5 s: left holds 2, right holds 1; 1 result.');

  // A share link restores the join at this moment.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Share link' }).click();
  const other = await context.newPage();
  await other.goto(await page.getByLabel('Link to this sandbox').inputValue());
  await expect(other.getByRole('region', { name: 'Join state and results' }).locator('.sizes')).toHaveText('At 3.5 s: left holds 2, right holds 1; 1 result.');
});

test('opens a lesson’s simulation, windowed or join, in the sandbox through a share link', async ({ page }) => {
  await page.goto('/#/lesson/clocks-tour');
  const open = page.getByRole('link', { name: 'Open “Ten readings from a delayed sensor” in the sandbox' });
  await expect(open).toHaveAttribute('href', /^#\/sandbox\?z=[\w-]+$/);
  // The learner's own setting goes along.
  const authored = await open.getAttribute('href');
  await page.getByLabel('Watermark delay').fill('1234');
  await page.getByLabel('Watermark delay').press('Enter');
  await expect(open).not.toHaveAttribute('href', authored!);
  await open.click();
  await expect(page.getByLabel('Watermark delay')).toHaveValue('1234');
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  await expect(page.getByText('Scenario: Ten readings from a delayed sensor')).toBeVisible();
  await expect(scrubber(page)).toHaveAttribute('aria-valuetext', /^processing time 0 ms of/);

  await page.goto('/#/lesson/joins-tour');
  await page.getByRole('link', { name: 'Open “Orders meet payments within 5 s” in the sandbox' }).click();
  await expect(page.getByRole('region', { name: 'Join state and results' })).toBeVisible();
});

test('imports a CEP scenario file and plays it in the pattern view', async ({ page }) => {
  await page.goto('/#/sandbox');
  const cep = {
    format: 'eventide.scenario/1', name: 'Login then buy', profile: 'flink',
    pipeline: { cep: { pattern: [{ name: 'login', where: { value: 'L' } }, { name: 'buy', contiguity: 'followedBy', where: { value: 'B' } }], within: 10, time: 'processing' } },
    events: [{ key: 'u', value: 'L', ts: 0, arrivalMs: 0 }, { key: 'u', value: 'B', ts: 5, arrivalMs: 5 }],
    steps: [],
  };
  await page.getByText('Import JSON').setInputFiles({ name: 'login.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cep)) });
  await expect(page.getByText('Imported login.json.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pattern matching state' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Login then buy' })).toBeVisible();
});

test('a truncated compressed link says it is cut short and opens the default sandbox', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/sandbox');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByLabel('Link to this sandbox').inputValue();
  expect(link).toMatch(/#\/sandbox\?z=/);
  await page.goto(link.slice(0, link.length - 40));
  await page.reload();
  await expect(page.getByRole('alert').first()).toHaveText('This sandbox link could not be opened: the link’s data is cut short or not compressed sandbox data. The default sandbox is shown instead.');
  await expect(page.getByRole('group', { name: 'Time plot' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a join in the sandbox has no serious accessibility violations at 360 px in ${scheme} mode`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/#/sandbox');
    await page.getByLabel('Preset').selectOption({ label: JOIN });
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Join results' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: `test-results/screens/sandbox-join-360-${scheme}.png`, fullPage: true });
  });
}

test('an imported vector, which has no arrival times, is plotted in arrival order', async ({ page }) => {
  await page.goto('/#/sandbox');
  await page.getByText('Import JSON').setInputFiles('tests/vectors/beam-early-count.json');
  await expect(page.getByText('Imported beam-early-count.json.')).toBeVisible();
  const plot = page.locator('.time-plot').first();
  await expect(plot.locator('.axes')).toContainText('arrival order (input step, 1 = first)');
  await expect(page.getByText('The records are the scenario’s scripted steps, without arrival times; change them in the scenario JSON.')).toBeVisible();
  await expect(plot.getByText(/drawn in the order of the input’s steps/)).toBeVisible();
  await expect(outputRows(page)).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screens/sandbox-vector.png', fullPage: true });
});
