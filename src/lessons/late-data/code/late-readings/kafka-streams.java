// Kafka Streams 3.x/4.0: the grace period plays both roles, watermark delay and allowed lateness.
KTable<Windowed<String>, Long> counts = builder
    .stream("readings", Consumed.with(Serdes.String(), readingSerde))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(5)))
    .count();
// Every accepted record forwards an updated count for its window. A record whose window ended more than the
// grace period before stream time is skipped and only counted in the task's "dropped-records" metric.

// To forward a single final count per window instead, once stream time passes the end plus the grace period:
// counts.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
