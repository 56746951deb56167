// Count events per key in 10-second windows with 5 s of grace; emit one final result per window
// (Kafka Streams 3.x / 4.0).
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;

public class WindowedCount {
  static void build(StreamsBuilder builder) {
    KStream<String, String> events = builder.stream("events", Consumed.with(Serdes.String(), Serdes.String()));

    events
        .groupByKey()                                   // the key decides the partition, hence the task
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .count()                                        // a KTable<Windowed<String>, Long>, backed by a changelog topic
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
        .toStream()
        .map((Windowed<String> window, Long count) -> org.apache.kafka.streams.KeyValue.pair(
            window.key() + "@" + window.window().start(), count))
        .to("counts", Produced.with(Serdes.String(), Serdes.Long()));
  }
}
