import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonLabel, lessonNumbers, loadLessonPresets } from '../../../../src/components/sandbox/lessonPresets.ts';


describe('lesson presets', () => {
  it('number each lesson by its first place in the paths, counting a lesson once', () => {
    const numbers = lessonNumbers([{ lessons: ['a', 'b', 'c'] }, { lessons: ['b', 'd'] }]);
    expect([...numbers]).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
    expect(lessonLabel('Late data', 4)).toBe('L04 Late data');
    expect(lessonLabel('Not on a path', undefined)).toBe('Not on a path');
  });

  it('offer every scenario of every lesson once, named by lesson and by the scenario’s own title', async () => {
    const groups = await loadLessonPresets();
    const offered = groups.flatMap((group) => group.presets.map((preset) => preset.id)).sort();
    const onDisk = readdirSync('src/lessons', { withFileTypes: true }).filter((entry) => entry.isDirectory())
      .flatMap((lesson) => { try { return readdirSync(`src/lessons/${lesson.name}/scenarios`).map((file) => `${lesson.name}/${file.replace(/\.json$/, '')}`); } catch { return []; } })
      .sort();
    expect(offered).toEqual(onDisk);
    const title = /^title: "?(.*?)"?$/m.exec(readFileSync('src/lessons/late-data/lesson.md', 'utf8'))![1];
    const lateData = groups.find((group) => group.label === `L04 ${title}`);
    const eight = JSON.parse(readFileSync('src/lessons/late-data/scenarios/eight-readings.json', 'utf8')) as { name: string };
    expect(lateData?.presets.find((preset) => preset.id === 'late-data/eight-readings')).toMatchObject({ name: `L04 ${title} — ${eight.name}`, scenario: eight });
  });

  it('list the lessons in course order', async () => {
    const labels = (await loadLessonPresets()).map((group) => group.label);
    const numbers = labels.map((label) => Number(/^L(\d+)/.exec(label)?.[1] ?? Infinity));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(labels[0]).toBe('L01 Event time vs processing time');
  });
});
