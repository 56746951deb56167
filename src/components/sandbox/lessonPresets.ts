// The course's own scenarios as sandbox presets, one group per lesson ("L04 Late data"), in course order. The
// scenario files are read lazily, when the sandbox opens, and named by their own title.
import { listScenarios, loadCourseIndex, loadScenarioSource } from '../../lessons/catalog.ts';
import type { LearningPath } from '../../lessons/types.ts';
import type { RawScenario } from '../sim/controls.ts';
import type { Preset } from './presets.ts';

export interface PresetGroup { label: string; presets: Preset[] }

/** A lesson's number is its place in the course: the paths' lessons in order, each counted once. */
export function lessonNumbers(paths: Pick<LearningPath, 'lessons'>[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const id of paths.flatMap((path) => path.lessons)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}

export const lessonLabel = (title: string, number: number | undefined) => (number === undefined ? title : `L${String(number).padStart(2, '0')} ${title}`);

export async function loadLessonPresets(): Promise<PresetGroup[]> {
  const course = await loadCourseIndex();
  const numbers = lessonNumbers(course.paths);
  const files = listScenarios().filter(({ lessonId }) => course.lessons.has(lessonId));
  // A file that does not load or parse is left out here; the course's own checks report it.
  const scenarios = await Promise.all(files.map(async ({ lessonId, scenario }) => {
    try {
      return { lessonId, scenario, json: JSON.parse(await loadScenarioSource(lessonId, scenario)!) as RawScenario };
    } catch {
      return undefined;
    }
  }));
  const groups = new Map<string, PresetGroup & { order: number }>();
  for (const { lessonId, scenario, json } of scenarios.filter((loaded) => loaded !== undefined)) {
    const label = lessonLabel(course.lessons.get(lessonId)!.title, numbers.get(lessonId));
    const group = groups.get(lessonId) ?? { label, presets: [], order: numbers.get(lessonId) ?? Infinity };
    const title = typeof json.name === 'string' && json.name ? json.name : scenario;
    group.presets.push({ id: `${lessonId}/${scenario}`, name: `${label} — ${title}`, scenario: json });
    groups.set(lessonId, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ label, presets }) => ({ label, presets: presets.sort((a, b) => a.name.localeCompare(b.name)) }));
}
