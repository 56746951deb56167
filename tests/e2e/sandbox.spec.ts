import { expect, test } from '@playwright/test';
import { drag, expectNoSeriousViolations, oneLateRecord, outputRows, sandboxLink, scrubber } from './sandboxHelpers.ts';

test.describe('sandbox', () => {
  test('plays, pauses, steps and scrubs through the default scenario', async ({ page }) => {
    await page.goto('/#/sandbox');
    const slider = scrubber(page);
    await expect(slider).toHaveAttribute('aria-valuetext', 'processing time 0 ms of 16 s');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(500);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await slider.inputValue();
    await page.waitForTimeout(300);
    expect(await slider.inputValue()).toBe(paused);

    await page.getByRole('group', { name: 'Time plot' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', 'processing time 1 s of 16 s');
    await slider.fill('15000');
    await expect(outputRows(page)).toHaveCount(1);
    await expect(outputRows(page).first()).toContainText('pane, on time');
    await page.keyboard.press('End');
    await expect(outputRows(page)).toHaveCount(3);
  });

  test('dragging a record to a later event time moves the watermark and changes the output', async ({ page }) => {
    await page.goto('/#/sandbox');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(outputRows(page)).toHaveCount(3);
    const watermark = page.locator('path.watermark').first();
    const before = await watermark.getAttribute('d');
    // Records are canvas pixels: walk to the one at event time 12 s, arrived 12 s, which draws it as an element.
    await page.getByRole('group', { name: 'Time plot' }).focus();
    for (let i = 0; i < 8 && !(await page.getByText(/event time 12 s, arrived at 12 s/).isVisible()); i++) await page.keyboard.press('ArrowDown');
    const record = page.locator('[data-mark="r2"]');
    const box = (await record.boundingBox())!;
    await page.keyboard.press('Escape');
    await expect(record).toHaveCount(0);
    // The pointer finds it on the canvas where the keyboard showed it.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByText(/event time 12 s, arrived at 12 s/)).toBeVisible();
    // Drag it right by ~8 s of event time.
    const width = await page.locator('.time-plot svg').first().evaluate((svg) => svg.clientWidth);
    await drag(page, record, (width - 72) * 0.45, 0);
    await expect.poll(() => watermark.getAttribute('d')).not.toBe(before);
    // The watermark now passes [0 s, 10 s) at 12 s, so the record at 3 s arriving at 13 s is late too.
    await expect.poll(() => outputRows(page).filter({ hasText: 'dropped' }).count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('group', { name: 'Time plot' }).focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('region', { name: 'Output' })).toContainText('dropped');
  });

  test('adds a record with the form and deletes one with the keyboard', async ({ page }) => {
    await page.goto('/#/sandbox');
    await page.getByLabel('Event time (ms)').fill('2000');
    await page.getByLabel('Arrives at (ms)').fill('17000');
    await page.getByRole('button', { name: 'Add record' }).click();
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(outputRows(page).filter({ hasText: 'dropped' })).toHaveCount(2);
    const plot = page.getByRole('group', { name: 'Time plot' });
    await plot.focus();
    await page.keyboard.press('ArrowDown'); // the last pane
    await page.keyboard.press('ArrowDown'); // the record added at 17 s
    await expect(page.getByText(/event time 2 s, arrived at 17 s/)).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(outputRows(page).filter({ hasText: 'dropped' })).toHaveCount(1);
  });

  test('opens a shared link with its comparison and time, and marks what differs', async ({ page }) => {
    const scenario = oneLateRecord();
    await page.goto(sandboxLink({ a: scenario, b: { profile: 'flink', pipeline: { ...scenario.pipeline, allowedLateness: 5000 } }, t: 16000 }));
    await expect(scrubber(page)).toHaveAttribute('aria-valuetext', 'processing time 16 s of 16 s');
    await expect(page.getByRole('checkbox', { name: 'Compare A/B' })).toBeChecked();
    await expect(outputRows(page, 'A: Output').filter({ hasText: 'only in this configuration' })).toContainText('dropped');
    await expect(outputRows(page, 'B: Output').filter({ hasText: 'only in this configuration' })).toContainText('pane, late');
  });

  test('shares a link that restores exactly this view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/#/sandbox');
    await page.getByLabel('Watermark delay').fill('1000');
    await page.getByLabel('Watermark delay').press('Enter');
    await scrubber(page).fill('13000');
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByLabel('Link to this sandbox').inputValue();
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByLabel('Watermark delay')).toHaveValue('1000');
    await expect(scrubber(other)).toHaveAttribute('aria-valuetext', 'processing time 13 s of 16 s');
  });

  test('a malicious link is shown as text, never run, and a broken one opens the default sandbox', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    const hostile = { ...oneLateRecord(), name: '<img src=x onerror="window.pwned=1">', events: [{ key: '<script>window.pwned=2</script>', ts: 1000, arrivalMs: 1000 }] };
    await page.goto(sandboxLink({ a: hostile }));
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Output' }).getByText('<script>window.pwned=2</script>').first()).toBeVisible();
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.locator('main img, main script')).toHaveCount(0);

    await page.goto('/#/sandbox?s=' + Buffer.from('{"v":1,"a":{"profile":"flink","pipeline":{"window":{"type":"tumbling","size":-1}}}}').toString('base64url'));
    await expect(page.getByRole('alert').first()).toContainText('This sandbox link could not be opened: scenario: pipeline.window.size');
    await expect(page.getByRole('group', { name: 'Time plot' })).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test('a million-record run shows its rising percentage, leaves the page working, and can be cancelled', async ({ page }) => {
    // Sliding windows put each record in 30 windows, so the run lasts long enough to watch and cancel.
    const scenario = { ...oneLateRecord(), events: undefined, steps: undefined, pipeline: { ...oneLateRecord().pipeline, window: { type: 'sliding', size: 30000, slide: 1000 } } };
    const generator = { count: 1_000_000, ratePerSec: 1000, keys: { count: 100 }, disorder: { type: 'uniform', maxDelayMs: 2000 } };
    await page.goto(sandboxLink({ a: { ...scenario, generator } }));
    const bar = page.getByRole('progressbar', { name: 'Simulating' });
    await expect(page.getByRole('status').filter({ hasText: 'Simulating 1,000,000 records in the background.' })).toBeVisible();
    const percent = async () => Number(await bar.getAttribute('aria-valuenow'));
    await expect.poll(percent, { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await percent();
    await expect(page.getByText(/^Running… \d+ %$/)).toBeVisible();
    await expectNoSeriousViolations(page);
    // While the worker runs, the page answers the learner.
    await page.locator('summary', { hasText: 'Scenario JSON' }).click();
    await expect(page.getByLabel('Scenario JSON')).toBeVisible();
    await expect.poll(percent, { timeout: 30_000 }).toBeGreaterThan(first);
    expect(await percent()).toBeLessThan(100);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Run cancelled.')).toBeVisible();
    await expect(bar).toHaveCount(0);
  });

  test('runs a big preset in the background and finishes it after a cancelled one', async ({ page, context }) => {
    // Hold the worker's script back a moment so the background state can be seen on a fast machine.
    await context.route('**/simWorker*', async (route) => { await new Promise((resolve) => setTimeout(resolve, 1500)); await route.continue(); });
    await page.goto('/#/sandbox');
    await page.getByLabel('Preset').selectOption({ label: '200,000 records in the background (Flink)' });
    await expect(page.getByText('Simulating 200,000 records in the background.')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Run cancelled; showing the previous run.')).toBeVisible();
    await page.getByRole('spinbutton', { name: /^Records/ }).fill('30000');
    await page.getByRole('spinbutton', { name: /^Records/ }).press('Enter');
    await expect(page.getByText(/Simulating 30,000 records/)).toBeVisible();
    await expect(page.getByText(/Simulating/)).toHaveCount(0, { timeout: 20_000 });
    await expect(scrubber(page)).toHaveAttribute('aria-valuetext', /of 3\d(\.\d+)? s|of \d+ min/);
  });

  test('refuses an absurd number and caps it with a message', async ({ page }) => {
    await page.goto('/#/sandbox');
    await page.getByLabel('Window size').fill('0');
    await page.getByLabel('Window size').press('Enter');
    await expect(page.getByText('Window size cannot be below 1 ms; using 1.')).toBeVisible();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violations while comparing, in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const scenario = oneLateRecord();
      await page.goto(sandboxLink({ a: scenario, b: { profile: 'beam', pipeline: scenario.pipeline }, t: 16000 }));
      await page.getByRole('group', { name: 'A: Time plot' }).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Why?' })).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: `test-results/screens/sandbox-compare-${scheme}.png`, fullPage: true });
    });
  }

  test('stacks and stays legible at 360 px in dark mode', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(sandboxLink({ a: oneLateRecord(), t: 16000 }));
    await expect(page.getByRole('group', { name: 'Time plot' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: 'test-results/screens/sandbox-360-dark.png', fullPage: true });
  });
});
