// The course as data: these types are declared once and shared by the browser catalog, the node loader,
// the syllabus CLI and the tests.

export const PATH_IDS = ['beginner', 'intermediate', 'advanced'] as const;
export type PathId = (typeof PATH_IDS)[number];

export const EXERCISE_KINDS = ['select', 'num', 'order', 'drag', 'param', 'predict', 'code'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const ENGINES = {
  flink: 'Flink',
  'kafka-streams': 'Kafka Streams',
  spark: 'Spark',
  beam: 'Beam',
  storm: 'Storm',
} as const;
export type Engine = keyof typeof ENGINES;

/** File extension → language id (the shiki grammar name) and the label shown on a code tab. */
export const LANGUAGES = {
  java: { lang: 'java', label: 'Java' },
  scala: { lang: 'scala', label: 'Scala' },
  py: { lang: 'python', label: 'Python' },
  sql: { lang: 'sql', label: 'SQL' },
} as const;
export type CodeLang = (typeof LANGUAGES)[keyof typeof LANGUAGES]['lang'];

export interface LearningPath {
  id: PathId;
  title: string;
  summary: string;
  /** Lesson ids in order; an id may name a planned lesson (shown as "coming soon"). */
  lessons: string[];
}

export interface PlannedLesson {
  id: string;
  title: string;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
  seeAlso: string[];
}

export interface Misconception {
  id: string;
  title: string;
}

export interface LessonMeta {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  misconceptions: string[];
  prerequisites: string[];
  minutes: number;
  terms: string[];
}

export type Directive =
  | { kind: 'simulation'; scenario: string; views: string[]; controls: string[] }
  | { kind: 'exercise'; exerciseId: string }
  | { kind: 'code'; sample: string };

/** A lesson body is prose (HTML rendered from Markdown that holds no raw HTML) between directives. */
export type Segment = { kind: 'prose'; html: string } | Directive;

export interface Lesson extends LessonMeta {
  segments: Segment[];
  /** Glossary ids linked from the prose with `[text](term:id)`. */
  termLinks: string[];
}

export interface CodeFile {
  engine: Engine;
  lang: CodeLang;
  /** Tab label, e.g. "Flink · Java". */
  label: string;
  code: string;
}

export interface CodeSample {
  name: string;
  files: CodeFile[];
}

export interface ExerciseMeta {
  id: string;
  kind: ExerciseKind;
  misconceptions: string[];
  seeded: boolean;
  scenario?: string;
  prompt: string;
  hints: string[];
  explanation: string;
  /** Kind-specific front matter owned by the exercise engine, passed through untouched. */
  fields: Record<string, unknown>;
}

export interface LessonContent extends Lesson {
  exercises: ExerciseMeta[];
  scenarios: string[];
  codeSamples: CodeSample[];
}

export interface Course {
  paths: LearningPath[];
  planned: PlannedLesson[];
  glossary: GlossaryTerm[];
  misconceptions: Misconception[];
  lessons: LessonContent[];
}
