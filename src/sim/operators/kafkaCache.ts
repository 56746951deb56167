// R4.20 with record caching on: the window store's cache keeps only the latest value per (key, window) and sends
// what changed downstream when the task commits (every commit.interval.ms of processing time; Sim: at multiples of
// the interval, like the periodic actions of R1.6). Downstream sees dirty entries in the order they were last
// written (ThreadCache's NamedCache). A tombstone for a session that downstream never saw is not sent
// (CachingSessionStore skips a flush when neither the new nor the stored old value exists). The cache has no size
// limit in the Sim, so nothing is evicted early; `end` flushes nothing (R3.16).
import type { Scheduler } from '../scheduler.ts';
import { inMs, type Recorder } from '../trace/recorder.ts';
import type { PaneValue } from '../types.ts';
import { forwardUpdate, type KafkaWindow, type SortAs, type UpdateBuffer } from './kafkaWindows.ts';

interface Dirty { w: KafkaWindow; value: PaneValue; ts: number; sortAs: SortAs }

export class RecordCache implements UpdateBuffer {
  private readonly dirty = new Map<number, Dirty>();
  /** Windows downstream has received a value for. */
  private readonly sent = new Set<number>();
  private isArmed = false;
  // The first commit comes one interval after start (StreamThread commits once commit.interval.ms has elapsed).
  private lastCommitMs = 0;

  constructor(
    private readonly recorder: Recorder,
    private readonly clock: Scheduler,
    private readonly commitIntervalMs: number,
    /** The next processor (suppress); absent: the result. */
    private readonly next: { put: UpdateBuffer['put']; received: (ts: number) => void } | undefined,
  ) {}

  put(w: KafkaWindow, value: PaneValue, ts: number, sortAs: SortAs): void {
    // A re-written entry moves to the end of the flush order.
    this.dirty.delete(w.id);
    this.dirty.set(w.id, { w, value, ts, sortAs });
    this.armCommit();
  }

  private armCommit(): void {
    if (this.isArmed) return;
    this.isArmed = true;
    const interval = this.commitIntervalMs;
    // The next commit tick at or after now (a record at a tick's instant comes before it, R1.6), once per tick.
    const atMs = Math.max(Math.ceil(this.clock.nowMs / interval) * interval, this.lastCommitMs + interval);
    if (this.recorder.isTracing) this.recorder.timer('timer-set', -1, -1, atMs, 'processing', 'commit');
    this.clock.at(atMs, () => this.commit(atMs));
  }

  private commit(atMs: number): void {
    this.isArmed = false;
    this.lastCommitMs = atMs;
    if (this.recorder.isTracing) this.recorder.timer('timer-fired', -1, -1, atMs, 'processing', 'commit');
    const entries = [...this.dirty.values()];
    this.dirty.clear();
    for (const { w, value, ts, sortAs } of entries) {
      if (value === null && !this.sent.has(w.id)) continue;
      if (value === null) this.sent.delete(w.id);
      else this.sent.add(w.id);
      if (this.next) {
        this.next.put(w, value, ts, sortAs);
        this.next.received(ts);
        continue;
      }
      const what = value === null ? 'tombstone' : 'latest value';
      forwardUpdate(this.recorder, w, value, ts, {
        rule: 'R4.20', values: { ts, commitMs: atMs, commitInterval: this.commitIntervalMs },
        reason: inMs(`flushed at commit ${atMs}: the ${what} of window ${w.start}–${w.end} since the last commit`),
      }, sortAs);
    }
  }
}
