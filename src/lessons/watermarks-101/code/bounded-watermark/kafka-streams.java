// Kafka Streams 3.x / 4.0: no watermark; stream time minus the grace period closes windows.
public class EpochSecondsExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return ((Reading) record.value()).epochSeconds() * 1000L;   // Kafka Streams expects milliseconds
    }
}

builder.stream("readings", Consumed.with(Serdes.String(), readingSerde)
        .withTimestampExtractor(new EpochSecondsExtractor()))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(3)))
    .count();
