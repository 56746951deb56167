// The course-wide YAML files: learning paths (with planned lessons), glossary, misconceptions.
import * as v from 'valibot';
import { parseYamlText } from './frontMatter.ts';
import { describeIssues, glossaryFile, misconceptionsFile, pathsFile } from './schema.ts';
import type { GlossaryTerm, LearningPath, Misconception, PlannedLesson } from './types.ts';

export interface SourceFile {
  /** Repository-relative path, used in every message about the file. */
  file: string;
  text: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Returns a function that unwraps a parse result, recording its errors and substituting `fallback`. */
export function collectInto(errors: string[]) {
  return <T>(parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    errors.push(...parsed.errors);
    return fallback;
  };
}

function parseYamlFile<S extends v.GenericSchema>(source: SourceFile, schema: S): Parsed<v.InferOutput<S>> {
  const yaml = parseYamlText(source.text);
  if (!yaml.ok) return { ok: false, errors: [`${source.file}: not valid YAML: ${yaml.error}`] };
  const result = v.safeParse(schema, yaml.data);
  if (!result.success) return { ok: false, errors: describeIssues(source.file, 'field', result.issues) };
  return { ok: true, value: result.output };
}

export function parsePaths(source: SourceFile): Parsed<{ paths: LearningPath[]; planned: PlannedLesson[] }> {
  return parseYamlFile(source, pathsFile);
}

export function parseGlossary(source: SourceFile): Parsed<GlossaryTerm[]> {
  const parsed = parseYamlFile(source, glossaryFile);
  return parsed.ok ? { ok: true, value: parsed.value.terms } : parsed;
}

export function parseMisconceptions(source: SourceFile): Parsed<Misconception[]> {
  const parsed = parseYamlFile(source, misconceptionsFile);
  return parsed.ok ? { ok: true, value: parsed.value.misconceptions } : parsed;
}
