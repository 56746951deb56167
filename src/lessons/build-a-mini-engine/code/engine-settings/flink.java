// Flink 2.x DataStream: the three mechanisms of this lesson, as a job configures them.
StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

// Barrier alignment: aligned checkpoints every 10 s (AT_LEAST_ONCE would skip the waiting).
env.enableCheckpointing(10_000, CheckpointingMode.EXACTLY_ONCE);

DataStream<Reading> readings = env.fromSource(meterSource,
    // The valve: each partition's watermark trails by 2 s; a partition silent for 3 s is idle.
    WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(2))
        .withIdleness(Duration.ofSeconds(3)),
    "meters");

// The keyed window: 10 s tumbling counts, kept 5 s after they fire for late records.
readings
    .keyBy(Reading::sensorId)
    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
    .allowedLateness(Duration.ofSeconds(5))
    .aggregate(new CountReadings());
