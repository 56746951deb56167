// Kafka Streams 3.x / 4.0: tumbling, hopping and session windows (no count windows in the DSL).
KGroupedStream<String, Click> byUser = clicks.groupByKey();

byUser.windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(10))).count();
byUser.windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(10))
        .advanceBy(Duration.ofSeconds(5))).count();                  // hopping: starts at 0, never before
byUser.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(Duration.ofSeconds(5))).count();

// SlidingWindows.ofTimeDifferenceWithNoGrace(...) is a different shape: one window per record, not per slide.
