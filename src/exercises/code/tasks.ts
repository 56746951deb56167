// The CODE tasks, found by the function the exercise asks for (`entry` in its front matter).
import { alignmentTask } from './alignmentTask.ts';
import type { Task } from './task.ts';
import { valveTask } from './valveTask.ts';
import { windowTask } from './windowTask.ts';

export const TASKS: readonly Task[] = [valveTask, windowTask, alignmentTask] as readonly Task[];

export function taskFor(entry: string): Task {
  const task = TASKS.find((t) => t.entry === entry);
  if (!task) throw new RangeError(`no code task defines "${entry}"; known entries: ${TASKS.map((t) => t.entry).join(', ')}`);
  return task;
}
