import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportProgress, importProgress } from '../../../src/app/progress/transfer.ts';
import type { Progress } from '../../../src/app/progress/schema.ts';
import { NOW } from './fakeStorage.ts';

const progress: Progress = {
  version: 1,
  lessons: { 'late-data': { status: 'in-progress', startedAt: '2029-12-01T10:00:00.000Z' } },
  exercises: { 'which-late': { status: 'attempted', attempts: 1, hintsUsed: 2, answer: { picked: ['e6', 'e8'] }, seed: 7 } },
  settings: { theme: 'dark', motion: 'reduce', speed: 2 },
};

describe('exporting and importing progress', () => {
  it('imports exactly what it exported', () => {
    expect(importProgress(exportProgress(progress, NOW), NOW)).toEqual({ ok: true, progress });
  });

  it('round-trips any valid progress (property)', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
    const record = fc.record({
      status: fc.constantFrom('attempted' as const, 'correct' as const, 'revealed' as const),
      attempts: fc.nat(50), hintsUsed: fc.nat(5), answer: fc.jsonValue(), seed: fc.integer(),
    });
    fc.assert(fc.property(fc.dictionary(id, record), (exercises) => {
      const value: Progress = { version: 1, lessons: {}, exercises };
      const back = importProgress(exportProgress(value, NOW), NOW);
      expect(back.ok && JSON.stringify(back.progress)).toBe(JSON.stringify(value));
    }));
  });

  it('refuses a file that is not JSON', () => {
    expect(importProgress('attempts,hints\n1,2', NOW)).toEqual({ ok: false, message: 'This file is not JSON, so it cannot be Eventide progress. Nothing was changed.' });
  });

  it('refuses a foreign JSON file, saying it is not Eventide progress', () => {
    const result = importProgress(JSON.stringify({ name: 'eventide', version: '0.1.0' }), NOW);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('not an Eventide progress file') });
  });

  it('refuses a file edited after export because its checksum no longer matches', () => {
    const tampered = exportProgress(progress, NOW).replace('"attempts": 1', '"attempts": 0');
    expect(importProgress(tampered, NOW)).toMatchObject({ ok: false, message: expect.stringContaining('changed after it was exported') });
  });

  it('refuses a file with an invalid field, naming it', () => {
    const file = JSON.parse(exportProgress(progress, NOW));
    file.progress.exercises['which-late'].hintsUsed = 'two';
    expect(importProgress(JSON.stringify(file), NOW)).toEqual({
      ok: false,
      message: 'This file cannot be imported: its progress is not valid: exercises.which-late.hintsUsed: expected number, got "two". Nothing was changed.',
    });
  });

  it('refuses a file from a newer version of Eventide', () => {
    const file = JSON.parse(exportProgress(progress, NOW));
    file.progress.version = 3;
    expect(importProgress(JSON.stringify(file), NOW)).toMatchObject({ ok: false, message: expect.stringContaining('newer version of Eventide (format 3') });
  });
});
