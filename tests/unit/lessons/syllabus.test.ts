import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { buildCourse } from '../../../src/lessons/course.ts';
import { toSyllabusJson, toSyllabusMarkdown } from '../../../src/lessons/syllabusFormat.ts';
import { fixtureSources } from './helpers.ts';

describe('syllabus', () => {
  const { course } = buildCourse(fixtureSources());

  it('prints the fixture course in exactly the JSON shape other tools read', () => {
    expect(toSyllabusJson(course)).toEqual({
      paths: [
        { id: 'beginner', title: 'Beginner', lessons: ['mini'] },
        { id: 'intermediate', title: 'Intermediate', lessons: [] },
        { id: 'advanced', title: 'Advanced', lessons: ['mini'] },
      ],
      lessons: [
        {
          id: 'mini',
          title: 'A minimal lesson',
          paths: ['beginner', 'advanced'],
          objectives: ['Read a watermark', 'Spot a late record'],
          misconceptions: ['M1', 'M3'],
          simulations: 1,
          codeSamples: [{ lang: 'java', engine: 'flink' }, { lang: 'sql', engine: 'spark' }, { lang: 'python', engine: 'beam' }],
          exercises: [{ id: 'which-late', kind: 'select', misconceptions: ['M3'], hints: 2, explanation: true, seeded: true }],
        },
      ],
    });
  });

  it('lists paths, lessons, objectives and exercises in Markdown, planned lessons as coming soon', () => {
    const markdown = toSyllabusMarkdown(course);
    expect(markdown).toContain('## Beginner path');
    expect(markdown).toContain('1. **A minimal lesson** (`mini`, 5 min)\n   - Read a watermark\n   - Spot a late record\n   - Exercise `which-late`: select, 2 hints [M3]');
    expect(markdown).toContain('2. A lesson still to write (`later`) — coming soon');
  });

  it('prints parseable JSON from the command line for the shipped course', () => {
    const out = execFileSync('npx', ['tsx', 'src/lessons/syllabus.ts', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).paths.map((p: { id: string }) => p.id)).toEqual(['beginner', 'intermediate', 'advanced']);
  });
});
