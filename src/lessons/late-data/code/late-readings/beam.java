// Beam Java 2.x: fire at the watermark, then once per late element for 10 s, each pane with everything so far.
PCollection<KV<String, Long>> counts = readings
    .apply(Window.<KV<String, Reading>>into(FixedWindows.of(Duration.standardSeconds(10)))
        .triggering(AfterWatermark.pastEndOfWindow()
            .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.standardSeconds(10))
        .accumulatingFiredPanes())
    .apply(Count.perKey());
// Elements that arrive after the watermark passes the window's end plus the allowed lateness are dropped;
// the runner counts them in the "droppedDueToLateness" metric.
