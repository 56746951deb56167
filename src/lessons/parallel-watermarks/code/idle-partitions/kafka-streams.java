// Kafka Streams 3.x/4.0: one task per input partition (per co-partitioned group), one stream time per task.
Properties props = new Properties();
props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reading-counts");
props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
// How long a task with several input partitions waits for an empty partition before processing the others
// (default 0: it does not wait, so records of a lagging partition may be processed out of timestamp order).
props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);

builder.stream("readings", Consumed.with(Serdes.String(), readingSerde))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10), Duration.ofSeconds(5)))
    .count();
// A task whose partition goes quiet keeps its stream time where it was: its windows do not close until records
// arrive again, while tasks of busy partitions keep closing theirs.
