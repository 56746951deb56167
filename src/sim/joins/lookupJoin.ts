// Lookup joins on processing order: Kafka Streams' KStream-KTable join (spec R5.11) and a Flink SQL lookup join
// against a table the right input keeps up to date. A left record joins the table's value for its key at the
// moment it is processed — not at its event time; right records update the table in processing order.
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import type { JoinRecord } from './joinOutput.ts';
import type { TableJoinSpec } from './types.ts';

export function createLookupJoin(spec: TableJoinSpec, { scenario, out }: JoinEngineContext): JoinEngine {
  // Kafka Streams reports its stream time (R3.14); a Flink lookup join needs no watermark at all.
  const reportsStreamTime = scenario.profile === 'kafka-streams';
  const table: (JoinRecord | undefined)[] = [];
  let streamTime = -Infinity;
  return {
    record(op) {
      const record = out.arrive(op);
      if (record.t > streamTime) {
        streamTime = record.t;
        if (reportsStreamTime) out.operatorWatermark(streamTime);
      }
      if (record.side === 1) {
        const previous = table[record.keyId];
        if (previous) out.evict(previous, { rule: 'R5.11', values: { ts: record.t }, reason: `overwritten by the update that arrived next (ts ${record.t}), whatever its time` });
        table[record.keyId] = record;
        out.store(record, { rule: 'R5.11', values: { ts: record.t }, reason: 'the table\'s latest value for its key' });
        return;
      }
      const current = table[record.keyId];
      if (current) {
        out.result(record, current, record.t, { rule: 'R5.11', values: { leftTs: record.t, tableTs: current.t }, reason: `joined the table's value when processed: the update from ${current.t} was the latest to arrive` });
      } else if (spec.kind === 'left') {
        out.result(record, null, record.t, { rule: 'R5.11', values: { leftTs: record.t }, reason: 'no table value for the key when processed: the left join pads with null' });
      }
    },
    // Processing order alone decides a lookup; watermarks change nothing.
    watermark() {},
    end() {},
    get operatorWm() {
      return streamTime;
    },
  };
}
