// Kafka Streams KStream join with a versioned KTable (3.5+, spec R5.12): a stream record joins the table version
// valid at its own timestamp (the latest version with validFrom ≤ t). With Joined.withGracePeriod(G) (3.6+) stream
// records wait in a time-ordered buffer and join once t ≤ stream time − G, in timestamp order; a record already
// older than that is joined at once (RocksDBTimeOrderedKeyValueBuffer.put refuses it).
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import { insertByTime } from './engine.ts';
import type { JoinRecord } from './joinOutput.ts';
import type { TableJoinSpec } from './types.ts';

export function createKafkaTableJoin(spec: TableJoinSpec, { program, out }: JoinEngineContext): JoinEngine {
  const versions: JoinRecord[][] = [];
  let buffer: JoinRecord[] = [];
  // The join processor's stream time counts stream (left) records only; the table has its own.
  let streamTime = -Infinity;
  const byTimeThenKey = (a: JoinRecord, b: JoinRecord) => a.t - b.t || program.keyRank[a.keyId] - program.keyRank[b.keyId] || a.r - b.r;

  const join = (record: JoinRecord, why: string) => {
    let version: JoinRecord | undefined;
    for (const v of versions[record.keyId] ?? []) if (v.t <= record.t) version = v;
    if (version) {
      out.result(record, version, record.t, { rule: 'R5.12', values: { ts: record.t, validFrom: version.t }, reason: `${why}; joined the version valid at ${record.t}, from ${version.t}` });
    } else if (spec.kind === 'left') {
      out.result(record, null, record.t, { rule: 'R5.12', values: { ts: record.t }, reason: `${why}; no version valid at ${record.t}: the left join pads with null` });
    }
  };

  return {
    record(op) {
      const record = out.arrive(op);
      if (record.side === 1) {
        const list = (versions[record.keyId] ??= []);
        const same = list.find((v) => v.t === record.t);
        if (same) {
          list.splice(list.indexOf(same), 1);
          out.evict(same, { rule: 'R5.12', values: { validFrom: record.t }, reason: `replaced by a newer value for the same time ${record.t}` });
        }
        insertByTime(list, record);
        out.store(record, { rule: 'R5.12', values: { validFrom: record.t }, reason: `a version valid from ${record.t}` });
        return;
      }
      out.reach(record, -Infinity, record.t);
      if (record.t > streamTime) {
        streamTime = record.t;
        out.operatorWatermark(streamTime);
      }
      const G = spec.grace;
      if (G === 0 || streamTime - G > record.t) {
        join(record, G === 0 ? 'joined on arrival' : `joined at once: ${record.t} < stream time ${streamTime} − grace ${G}`);
        return;
      }
      buffer.push(record);
      buffer.sort(byTimeThenKey);
      out.store(record, { rule: 'R5.12', values: { grace: G }, reason: `buffered until stream time − grace ${G} reaches ${record.t}` });
      const due = buffer.filter((b) => b.t <= streamTime - G);
      buffer = buffer.filter((b) => b.t > streamTime - G);
      for (const b of due) {
        out.evict(b, { rule: 'R5.12', values: { streamTime, grace: G }, reason: `released: ${b.t} ≤ stream time ${streamTime} − grace ${G}` });
        join(b, `released from the grace buffer at stream time ${streamTime}`);
      }
    },
    watermark() {
      throw new RangeError('kafka-streams has no watermarks');
    },
    end() {},
    get operatorWm() {
      return streamTime;
    },
  };
}
