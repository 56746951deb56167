# Count events per 10-second event-time window; a micro-batch every 5 seconds (PySpark 3.5 / 4.0).
from pyspark.sql import SparkSession
from pyspark.sql.functions import col, window

spark = SparkSession.builder.appName("windowed-count").getOrCreate()

events = (
    spark.readStream.format("kafka")
    .option("kafka.bootstrap.servers", "localhost:9092")
    .option("subscribe", "events")
    .load()
    .select(col("timestamp").alias("event_time"))  # use the record's own time column in real jobs
)

counts = (
    events
    .withWatermark("event_time", "10 seconds")      # before the aggregation, on the same column
    .groupBy(window(col("event_time"), "10 seconds"))
    .count()
)

query = (
    counts.writeStream
    .outputMode("append")                           # one row per window, once the watermark passes its end
    .trigger(processingTime="5 seconds")
    .format("console")
    .option("checkpointLocation", "/tmp/windowed-count")
    .start()
)
query.awaitTermination()
