import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StatusBadge from '../../../src/components/layout/StatusBadge.svelte';

describe('lesson status badge', () => {
  it('says each status in words and draws a different shape for each, so colour is never the only signal', () => {
    const seen = (['not-started', 'in-progress', 'done', 'planned'] as const).map((status) => {
      const { container, unmount } = render(StatusBadge, { status });
      const result = { text: container.textContent?.trim(), shape: container.querySelector('svg')?.innerHTML };
      unmount();
      return result;
    });
    expect(seen.map((s) => s.text)).toEqual(['Not started', 'In progress', 'Done', 'Coming soon']);
    expect(new Set(seen.map((s) => s.shape)).size).toBe(4);
  });
});
