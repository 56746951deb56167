import type { KeyValueStorage } from '../../../src/app/progress/storage.ts';

/** An in-memory localStorage that can be made to refuse writes the way browsers do. */
export class FakeStorage implements KeyValueStorage {
  items = new Map<string, string>();
  refuseWrites: 'quota' | undefined;

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.items.set(key, value);
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.refuseWrites === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export const NOW = new Date('2030-01-02T03:04:05.000Z');
