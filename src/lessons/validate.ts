// Cross-references between the parsed pieces of the course. Each message names the file and the field.
import type { Course, LessonContent } from './types.ts';

const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `files.lessonFiles` maps every lesson folder found (even one whose lesson.md failed to parse) to its lesson.md,
 * so a path naming a broken lesson is not reported a second time as missing.
 */
export function validateCourse(course: Course, files: { lessonFiles: Map<string, string>; pathsFile: string; glossaryFile: string }): string[] {
  const { lessonFiles, pathsFile, glossaryFile } = files;
  const errors: string[] = [];
  const glossaryIds = new Set(course.glossary.map((term) => term.id));
  const misconceptionIds = new Set(course.misconceptions.map((m) => m.id));
  const plannedIds = new Set(course.planned.map((p) => p.id));

  for (const [id, file] of lessonFiles) {
    if (!LESSON_ID.test(id)) errors.push(`${file}: folder name "${id}" is not a lowercase-kebab lesson id`);
    if (plannedIds.has(id)) errors.push(`${pathsFile}: planned "${id}" is written now (${file}); remove it from "planned"`);
  }
  for (const path of course.paths) {
    const seen = new Set<string>();
    for (const id of path.lessons) {
      if (seen.has(id)) errors.push(`${pathsFile}: path "${path.id}" lists "${id}" twice`);
      seen.add(id);
      if (!lessonFiles.has(id) && !plannedIds.has(id)) {
        errors.push(`${pathsFile}: path "${path.id}" names lesson "${id}", which is neither a lesson folder nor planned`);
      }
    }
  }
  if (new Set(course.paths.map((p) => p.id)).size !== course.paths.length) errors.push(`${pathsFile}: a path id is used twice`);
  const inPaths = new Set(course.paths.flatMap((p) => p.lessons));
  for (const lesson of course.lessons) {
    const file = lessonFiles.get(lesson.id) ?? lesson.id;
    if (!inPaths.has(lesson.id)) errors.push(`${file}: lesson "${lesson.id}" is in no learning path (add it to paths.yaml)`);
    errors.push(...validateLesson(lesson, file, { glossaryIds, misconceptionIds, plannedIds, lessonFiles }));
  }
  for (const term of course.glossary) {
    for (const other of term.seeAlso) {
      if (!glossaryIds.has(other)) errors.push(`${glossaryFile}: term "${term.id}" field "seeAlso" names unknown term "${other}"`);
    }
  }
  if (glossaryIds.size !== course.glossary.length) errors.push(`${glossaryFile}: a term id is used twice`);
  return errors;
}

interface Known {
  glossaryIds: Set<string>;
  misconceptionIds: Set<string>;
  plannedIds: Set<string>;
  lessonFiles: Map<string, string>;
}

function validateLesson(lesson: LessonContent, file: string, known: Known): string[] {
  const errors: string[] = [];
  const exerciseIds = new Set(lesson.exercises.map((e) => e.id));
  const sampleNames = new Set(lesson.codeSamples.map((s) => s.name));
  const scenarios = new Set(lesson.scenarios);
  const unknownMisconceptions = (ids: string[], where: string) => {
    for (const id of ids) if (!known.misconceptionIds.has(id)) errors.push(`${where}: unknown misconception "${id}"`);
  };
  unknownMisconceptions(lesson.misconceptions, `${file}: front matter "misconceptions"`);
  for (const id of lesson.terms) {
    if (!known.glossaryIds.has(id)) errors.push(`${file}: front matter "terms": unknown glossary term "${id}"`);
  }
  for (const id of lesson.termLinks) {
    if (!known.glossaryIds.has(id)) errors.push(`${file}: link (term:${id}) names unknown glossary term "${id}"`);
  }
  for (const id of lesson.prerequisites) {
    if (id === lesson.id) errors.push(`${file}: front matter "prerequisites" names the lesson itself`);
    else if (!known.lessonFiles.has(id) && !known.plannedIds.has(id)) {
      errors.push(`${file}: front matter "prerequisites" names unknown lesson "${id}"`);
    }
  }
  for (const segment of lesson.segments) {
    if (segment.kind === 'simulation' && !scenarios.has(segment.scenario)) {
      errors.push(`${file}: ::simulation names scenario "${segment.scenario}", but scenarios/${segment.scenario}.json does not exist`);
    }
    if (segment.kind === 'exercise' && !exerciseIds.has(segment.exerciseId)) {
      errors.push(`${file}: ::exercise names "${segment.exerciseId}", but exercises/${segment.exerciseId}.md does not exist or is invalid`);
    }
    if (segment.kind === 'code' && !sampleNames.has(segment.sample)) {
      errors.push(`${file}: ::code names sample "${segment.sample}", but code/${segment.sample}/ has no valid files`);
    }
  }
  const dir = file.replace(/lesson\.md$/, '');
  for (const exercise of lesson.exercises) {
    const exerciseFile = `${dir}exercises/${exercise.id}.md`;
    unknownMisconceptions(exercise.misconceptions, `${exerciseFile}: front matter "misconceptions"`);
    if (exercise.scenario && !scenarios.has(exercise.scenario)) {
      errors.push(`${exerciseFile}: front matter "scenario" names "${exercise.scenario}", but scenarios/${exercise.scenario}.json does not exist`);
    }
  }
  return errors;
}
