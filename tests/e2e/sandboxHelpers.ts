import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The sandbox link format (src/components/sandbox/shareLink.ts), built independently so the test checks it. */
export function sandboxLink(state: { a: unknown; b?: unknown; t?: number }): string {
  return `/#/sandbox?s=${Buffer.from(JSON.stringify({ v: 1, ...state })).toString('base64url')}`;
}

export const oneLateRecord = () => ({
  format: 'eventide.scenario/1',
  name: 'one late record',
  profile: 'flink',
  pipeline: { window: { type: 'tumbling', size: 10000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 5000, emit: 'per-record' }, lateOutput: true },
  events: [
    { key: 'k', ts: 1000, arrivalMs: 1000 }, { key: 'k', ts: 4000, arrivalMs: 4000 }, { key: 'k', ts: 12000, arrivalMs: 12000 },
    { key: 'k', ts: 3000, arrivalMs: 13000 }, { key: 'k', ts: 15000, arrivalMs: 15000 }, { key: 'k', ts: 9000, arrivalMs: 16000 },
  ],
  steps: [{ end: true }],
});

export const scrubber = (scope: Page | Locator) => scope.getByRole('slider', { name: 'Processing time' }).first();

export const outputRows = (page: Page, name = 'Output') => page.getByRole('region', { name, exact: true }).locator('tbody tr');

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Drags an element's centre by (dx, dy) pixels in small pointer moves, as a hand would. */
export async function drag(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + (dx * i) / 10, y + (dy * i) / 10);
  await page.mouse.up();
}
