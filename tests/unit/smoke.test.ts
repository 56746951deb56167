import { describe, expect, it } from 'vitest';
describe('toolchain', () => { it('runs unit tests', () => { expect(1 + 1).toBe(2); }); });
