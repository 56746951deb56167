// Flink 1.20 / 2.x DataStream API: the four window shapes on a keyed stream of clicks.
KeyedStream<Click, String> byUser = clicks.keyBy(Click::userId);

byUser.window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)));                        // [0,10), [10,20), …
byUser.window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)));  // size, slide
byUser.window(EventTimeSessionWindows.withGap(Duration.ofSeconds(5)));                     // closes after 5 s of silence
byUser.countWindow(3);                                                                     // every 3 clicks of a user

// Each is followed by .aggregate(...) (incremental: one accumulator per window)
// or .process(...) (buffered: every element kept in every window it belongs to).
