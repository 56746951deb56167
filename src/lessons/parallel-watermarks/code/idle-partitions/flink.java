// Flink 2.x: one watermark generator per Kafka partition; the source and every downstream operator take the minimum.
KafkaSource<Reading> source = KafkaSource.<Reading>builder()
    .setBootstrapServers(brokers)
    .setTopics("readings")
    .setValueOnlyDeserializer(new ReadingDeserializer())
    .build();

WatermarkStrategy<Reading> watermarks = WatermarkStrategy
    .<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(5))
    .withTimestampAssigner((reading, previous) -> reading.eventTimeMillis())
    // A partition with no records for 10 s stops holding the watermark back. When it resumes, its records can
    // be late until its own watermark catches up with the others.
    .withIdleness(Duration.ofSeconds(10));

DataStream<Reading> readings = env.fromSource(source, watermarks, "readings");
// Generated watermarks are emitted every 200 ms by default (pipeline.auto-watermark-interval).
