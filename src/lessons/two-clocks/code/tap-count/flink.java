// Flink 1.20 / 2.x DataStream API: count taps per 10 s of event time.
WatermarkStrategy<Tap> strategy = WatermarkStrategy
    .<Tap>forBoundedOutOfOrderness(Duration.ofSeconds(5))
    .withTimestampAssigner((tap, recordTs) -> tap.tappedAtMillis()); // event time: the phone's stamp

DataStream<Tap> taps = env.fromSource(kafkaSource, strategy, "taps");

taps.keyBy(Tap::productId)
    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
    // processing time instead: .window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(10)))
    .aggregate(new CountTaps());
