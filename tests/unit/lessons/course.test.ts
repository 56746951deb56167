import { describe, expect, it } from 'vitest';
import { E2E_FIXTURES_ROOT, loadCourse } from '../../../src/lessons/nodeLoader.ts';

describe('the shipped course', () => {
  const { course, errors } = loadCourse();

  it('validates: every lesson, exercise, path and glossary term', () => {
    expect(errors).toEqual([]);
  });

  it('has the three learning paths of the curriculum in order, with their lesson counts', () => {
    expect(course.paths.map((p) => [p.id, p.lessons.length])).toEqual([['beginner', 18], ['intermediate', 20], ['advanced', 15]]);
  });

  it('starts the beginner path with the core on-ramp and ends the advanced path with the audit', () => {
    expect(course.paths[0].lessons.slice(0, 5)).toEqual(['two-clocks', 'windows-101', 'watermarks-101', 'late-data', 'parallel-watermarks']);
    expect(course.paths[2].lessons.at(-1)).toBe('sla-alerting');
  });

  it('gives every lesson a path names a title, written or planned', () => {
    const titled = new Set([...course.lessons, ...course.planned].map((l) => l.id));
    expect(course.paths.flatMap((p) => p.lessons).filter((id) => !titled.has(id))).toEqual([]);
    expect(course.planned).toHaveLength(30 - course.lessons.length);
  });

  it('names the fifteen misconceptions M1–M15', () => {
    expect(course.misconceptions.map((m) => m.id)).toEqual(Array.from({ length: 15 }, (_, i) => `M${i + 1}`));
  });

  it('defines the glossary terms the course promises', () => {
    const ids = course.glossary.map((t) => t.id);
    for (const id of ['event-time', 'processing-time', 'watermark', 'window', 'pane', 'trigger', 'allowed-lateness', 'grace-period',
      'side-output', 'accumulation', 'key-group', 'barrier', 'checkpoint', 'backpressure', 'exactly-once']) {
      expect(ids).toContain(id);
    }
  });

  it('holds no fixture lesson', () => {
    expect(course.lessons.filter((l) => l.id.endsWith('-tour'))).toEqual([]);
  });
});

describe('the end-to-end fixture course', () => {
  it('validates against the shipped glossary', () => {
    // Only the fixture lessons: the shipped lessons sit in the shipped paths, not in the fixture paths.yaml.
    const { errors, course } = loadCourse({ lessonRoots: [E2E_FIXTURES_ROOT], pathsFile: `${E2E_FIXTURES_ROOT}/paths.yaml` });
    expect(errors).toEqual([]);
    expect(course.lessons.map((l) => l.id).sort()).toEqual(['clocks-tour', 'job-recovery-tour', 'joins-tour', 'late-records-tour', 'windows-tour']);
  });
});
