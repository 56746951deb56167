// Kafka Streams 3.x / 4.0: the record timestamp (the producer's CreateTime) is the event time by default.
Properties props = new Properties();
// processing time instead:
// props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, WallclockTimestampExtractor.class);

builder.stream("taps", Consumed.with(Serdes.String(), tapSerde))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(10)))
    .count();
