// The course as a syllabus: JSON for other tools (shape fixed by issue 3), Markdown for people.
import type { Course, LessonContent } from './types.ts';

export interface SyllabusJson {
  paths: { id: string; title: string; lessons: string[] }[];
  lessons: {
    id: string;
    title: string;
    paths: string[];
    objectives: string[];
    misconceptions: string[];
    simulations: number;
    codeSamples: { lang: string; engine: string }[];
    exercises: { id: string; kind: string; misconceptions: string[]; hints: number; explanation: boolean; seeded: boolean }[];
  }[];
}

/** Paths list written lessons only (planned ones have no entry in `lessons` to point at). */
export function toSyllabusJson(course: Course): SyllabusJson {
  const written = new Set(course.lessons.map((lesson) => lesson.id));
  return {
    paths: course.paths.map((path) => ({ id: path.id, title: path.title, lessons: path.lessons.filter((id) => written.has(id)) })),
    lessons: orderedLessons(course).map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      paths: course.paths.filter((path) => path.lessons.includes(lesson.id)).map((path) => path.id),
      objectives: lesson.objectives,
      misconceptions: lesson.misconceptions,
      simulations: lesson.segments.filter((segment) => segment.kind === 'simulation').length,
      codeSamples: lesson.codeSamples.flatMap((sample) => sample.files.map(({ lang, engine }) => ({ lang, engine }))),
      exercises: lesson.exercises.map((exercise) => ({
        id: exercise.id,
        kind: exercise.kind,
        misconceptions: exercise.misconceptions,
        hints: exercise.hints.length,
        explanation: exercise.explanation.length > 0,
        seeded: exercise.seeded,
      })),
    })),
  };
}

export function toSyllabusMarkdown(course: Course): string {
  const lessons = new Map(course.lessons.map((lesson) => [lesson.id, lesson]));
  const planned = new Map(course.planned.map((p) => [p.id, p.title]));
  const lines = ['# Eventide syllabus', ''];
  for (const path of course.paths) {
    lines.push(`## ${path.title} path`, '', path.summary, '');
    path.lessons.forEach((id, index) => {
      const lesson = lessons.get(id);
      if (!lesson) {
        lines.push(`${index + 1}. ${planned.get(id) ?? id} (\`${id}\`) — coming soon`);
        return;
      }
      lines.push(`${index + 1}. **${lesson.title}** (\`${id}\`, ${lesson.minutes} min)`);
      for (const objective of lesson.objectives) lines.push(`   - ${objective}`);
      for (const exercise of lesson.exercises) {
        const targets = exercise.misconceptions.length > 0 ? ` [${exercise.misconceptions.join(', ')}]` : '';
        lines.push(`   - Exercise \`${exercise.id}\`: ${exercise.kind}, ${exercise.hints.length} hints${targets}`);
      }
    });
    lines.push('');
  }
  return lines.join('\n');
}

/** Lessons in the order a learner first meets them walking the paths in order; lessons outside paths last. */
function orderedLessons(course: Course): LessonContent[] {
  const order = [...new Set(course.paths.flatMap((path) => path.lessons))];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...course.lessons].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}
