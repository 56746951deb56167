// Runtime trace events as sentences for the recovery timeline and the live region ("window-1 crashed",
// "partition 0 rewound from offset 88 to 61: 27 records will be read again"). Wording only; the facts and the
// reasons come from the trace.
import type { ProfileId } from '../../sim/index.ts';
import type { RuntimeEvent, RuntimeGraph } from '../../sim/runtime/types.ts';
import { formatMs } from '../sim/time.ts';

/** Events the recovery timeline lists (barriers, snapshots and transactions have views of their own). */
export const RECOVERY_KINDS = new Set<RuntimeEvent['kind']>(['failure', 'task-lost', 'gc-pause', 'restart-scheduled', 'job-failed', 'restored', 'rewound', 'lost', 'checkpoint-failed', 'note']);

/** `profile` words a restore as the engine does it: Flink from a checkpoint, Spark from its logs, Kafka Streams from changelogs. */
export function describeEvent(event: RuntimeEvent, graph: RuntimeGraph, profile: ProfileId = 'flink'): string {
  const task = (id: number) => graph.tasks[id]?.name ?? `task ${id}`;
  switch (event.kind) {
    case 'checkpoint-started': return `checkpoint ${event.checkpoint} started: sources record offsets ${event.offsets.join(', ')} and send barriers`;
    case 'barrier': return `barrier ${event.checkpoint} reached ${task(event.task)}`;
    case 'aligned': return `${task(event.task)} aligned barrier ${event.checkpoint} after ${formatMs(event.alignmentMs)}`;
    case 'snapshot': return `${task(event.task)} snapshotted for checkpoint ${event.checkpoint}: ${event.bytes} bytes`;
    case 'checkpoint-completed': return `checkpoint ${event.checkpoint} completed in ${formatMs(event.durationMs)}: ${event.bytes} bytes${event.isFinal ? ' (final)' : ''}`;
    case 'checkpoint-failed': return `checkpoint ${event.checkpoint} failed: ${event.reason}`;
    case 'checkpoint-skipped': return `checkpoint skipped: ${event.reason}`;
    case 'failure': return event.reason;
    case 'task-lost': return `${task(event.task)} lost: ${event.reason}`;
    case 'gc-pause': return `${task(event.task)} paused for GC for ${formatMs(event.durationMs)}`;
    case 'restart-scheduled': return `restart ${event.attempt} scheduled at ${formatMs(event.atMs)}: ${event.reason}`;
    case 'job-failed': return `job failed: ${event.reason}`;
    case 'restored':
      if (profile === 'spark') return `query restarted from its offset and commit logs at offsets ${event.offsets.join(', ')} (${event.reason})`;
      if (profile === 'kafka-streams') return `${event.reason} from the changelog; reading again from the committed offsets`;
      return `restored checkpoint ${event.checkpoint}, offsets ${event.offsets.join(', ')} (${event.reason})`;
    case 'rewound': {
      const again = event.fromOffset - event.toOffset;
      return `partition ${event.partition} rewound from offset ${event.fromOffset} to ${event.toOffset}: ${again} ${again === 1 ? 'record' : 'records'} read again`;
    }
    case 'lost': return `${event.records.length} ${event.records.length === 1 ? 'record' : 'records'} lost: ${event.reason}`;
    case 'transaction': return `${task(event.task)} ${event.action === 'pre-commit' ? 'pre-committed' : event.action === 'commit' ? 'committed' : 'aborted'} transaction ${event.txn} (${event.writes} ${event.writes === 1 ? 'write' : 'writes'})`;
    case 'side-effect': return `${task(event.task)} sent an e-mail for record ${event.record}${event.isDuplicate ? ' again (duplicate)' : ''}`;
    case 'note': return event.text;
    case 'micro-batch': return `batch ${event.batch} ${event.action === 'offsets' ? 'planned (offsets logged)' : event.action === 'write' ? 'written' : 'committed'}: ${event.rows} rows${event.lateByMs > 0 ? `, started ${formatMs(event.lateByMs)} late` : ''}`;
    // A kind added to the trace later still reads as something rather than a blank line.
    default: return String((event as { kind: string }).kind);
  }
}
