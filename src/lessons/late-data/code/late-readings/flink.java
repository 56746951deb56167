// Flink 2.x DataStream: 5 s watermark delay, 10 s windows, 10 s allowed lateness, late records kept aside.
OutputTag<Reading> tooLate = new OutputTag<>("too-late") {};

SingleOutputStreamOperator<Long> counts = readings
    .assignTimestampsAndWatermarks(
        WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((reading, previous) -> reading.eventTimeMillis()))
    .keyBy(Reading::sensorId)
    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
    .allowedLateness(Duration.ofSeconds(10))   // default 0: a record for a fired window is dropped
    .sideOutputLateData(tooLate)                // instead of silently, records past the lateness land here
    .aggregate(new CountReadings());

// Every late firing is a new, complete count for the same window: write it as an upsert keyed by window.
counts.sinkTo(upsertSink);
counts.getSideOutput(tooLate).sinkTo(lateRecordsTopic);
