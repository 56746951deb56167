// The learner's saved progress and settings as reactive state. Every change goes through `#commit`, which
// saves it unless saving is blocked; problems surface in `problem` for the banner. The exercise engine calls
// `exercise`/`setExercise`; lesson pages call `markLessonStarted`/`markLessonDone`; the placement check `setPlacement`.
import { exportProgress, importProgress } from './transfer.ts';
import { loadProgress, saveProgress, type KeyValueStorage, type StorageProblem } from './storage.ts';
import { DEFAULT_SETTINGS, emptyProgress, type ExerciseRecord, type LessonRecord, type Progress, type Settings } from './schema.ts';

export type LessonStatus = 'not-started' | LessonRecord['status'];

export class ProgressStore {
  #storage: KeyValueStorage | undefined;
  #now: () => Date;
  #canWrite: boolean;
  data = $state.raw<Progress>(emptyProgress());
  problem = $state.raw<StorageProblem | undefined>(undefined);

  constructor(storage: KeyValueStorage | undefined, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#now = now;
    const loaded = loadProgress(storage, now());
    this.data = loaded.progress;
    this.problem = loaded.problem;
    this.#canWrite = loaded.canWrite;
  }

  get settings(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.data.settings };
  }

  /** A lesson the placement check marked as known counts as done. */
  lessonStatus(id: string): LessonStatus {
    if (this.isTestedOut(id)) return 'done';
    return this.data.lessons[id]?.status ?? 'not-started';
  }

  isTestedOut(id: string): boolean {
    return this.data.placement?.testedOut.includes(id) ?? false;
  }

  get placement(): Progress['placement'] {
    return this.data.placement;
  }

  lesson(id: string): LessonRecord | undefined {
    return this.data.lessons[id];
  }

  exercise(id: string): ExerciseRecord | undefined {
    return this.data.exercises[id];
  }

  /** Opening a lesson starts it once; a finished lesson stays finished. */
  markLessonStarted(id: string): void {
    if (this.data.lessons[id]) return;
    this.#commit({ ...this.data, lessons: { ...this.data.lessons, [id]: { status: 'in-progress', startedAt: this.#stamp() } } });
  }

  markLessonDone(id: string): void {
    const at = this.#stamp();
    const startedAt = this.data.lessons[id]?.startedAt ?? at;
    this.#commit({ ...this.data, lessons: { ...this.data.lessons, [id]: { status: 'done', startedAt, completedAt: at } } });
  }

  /** The result of the placement check; a retake replaces the previous one. */
  setPlacement(testedOut: string[]): void {
    this.#commit({ ...this.data, placement: { testedOut: [...testedOut], takenAt: this.#stamp() } });
  }

  setExercise(id: string, record: ExerciseRecord): void {
    this.#commit({ ...this.data, exercises: { ...this.data.exercises, [id]: record } });
  }

  updateSettings(change: Partial<Settings>): void {
    this.#commit({ ...this.data, settings: { ...this.settings, ...change } });
  }

  /** Forgets lessons, exercises and placement; settings stay. */
  reset(): void {
    this.#commit({ ...emptyProgress(), settings: this.data.settings });
  }

  exportJson(): string {
    return exportProgress(this.data, this.#now());
  }

  /** Replaces progress with the file's, only if the whole file is valid. */
  importJson(text: string): { ok: boolean; message: string } {
    const result = importProgress(text, this.#now());
    if (!result.ok) return result;
    this.#commit(result.progress);
    const lessons = Object.keys(result.progress.lessons).length;
    const exercises = Object.keys(result.progress.exercises).length;
    return { ok: true, message: `Imported progress for ${lessons} lesson${lessons === 1 ? '' : 's'} and ${exercises} exercise${exercises === 1 ? '' : 's'}.` };
  }

  /** After the learner has downloaded an unreadable value that could not be backed up, saving may resume. */
  startFresh(): void {
    this.#canWrite = true;
    this.problem = undefined;
    this.#commit(this.data);
  }

  dismissProblem(): void {
    this.problem = undefined;
  }

  #commit(next: Progress): void {
    this.data = next;
    if (!this.#canWrite) return;
    const problem = saveProgress(this.#storage, next);
    // A failed save is shown; a later successful save clears only a write failure, never a load problem.
    if (problem) this.problem = problem;
    else if (this.problem?.kind === 'write-failed') this.problem = undefined;
  }

  #stamp(): string {
    return this.#now().toISOString();
  }
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // reading the property itself throws when storage is disabled
  }
}

export const progress = new ProgressStore(browserStorage());
