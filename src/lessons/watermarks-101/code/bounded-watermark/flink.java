// Flink 1.20 / 2.x: watermark 3 s behind the largest event time, timestamps converted from seconds.
WatermarkStrategy<Reading> strategy = WatermarkStrategy
    .<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(3))
    // the device sends epoch seconds; Flink expects epoch milliseconds
    .withTimestampAssigner((reading, recordTs) -> reading.epochSeconds() * 1000L);

env.fromSource(kafkaSource, strategy, "readings")
    .keyBy(Reading::sensorId)
    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
    .aggregate(new CountReadings());

// The watermark is emitted every 200 ms by default; change it with pipeline.auto-watermark-interval.
