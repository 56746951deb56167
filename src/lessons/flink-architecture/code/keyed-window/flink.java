// A keyed 10-second window count, with the parallelism, max parallelism and chaining set explicitly (Flink 1.20 / 2.x).
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

public class KeyedWindowJob {
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setMaxParallelism(128);        // fixes the key groups: keep it once the job has state
    env.enableCheckpointing(5_000);    // every 5 s: keyed state per key group + source offsets

    env.fromSource(Sources.clicks(), WatermarkStrategy
            .<Click>forBoundedOutOfOrderness(Duration.ofSeconds(2))
            .withTimestampAssigner((click, ts) -> click.timestampMs), "clicks")
        .setParallelism(4)
        .map(click -> Tuple2.of(click.user, 1L)).returns(Types.TUPLE(Types.STRING, Types.LONG))
        .setParallelism(4)             // forward from the source at the same parallelism: chained into one task
        .name("enrich")
        .keyBy(pair -> pair.f0)        // hash repartitioning: murmur(hashCode) % 128 → key group → subtask
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .sum(1)
        .setParallelism(8)
        .uid("clicks-per-user")        // state is matched to operators by uid when restoring a savepoint
        .sinkTo(Sinks.counts())
        .setParallelism(8);            // chained to the window; all operators share slots, so the job needs 8

    env.execute("keyed-window");
  }
}
