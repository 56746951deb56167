// Count events per 10-second event-time window; a micro-batch every 5 seconds (Spark 3.5 / 4.0, Scala).
import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.functions.{col, window}
import org.apache.spark.sql.streaming.{OutputMode, Trigger}

object WindowedCount {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder.appName("windowed-count").getOrCreate()

    val events = spark.readStream.format("kafka")
      .option("kafka.bootstrap.servers", "localhost:9092")
      .option("subscribe", "events")
      .load()
      .select(col("timestamp").as("event_time"))

    val counts = events
      .withWatermark("event_time", "10 seconds")
      .groupBy(window(col("event_time"), "10 seconds"))
      .count()

    counts.writeStream
      .outputMode(OutputMode.Update())  // every window a batch changed, with its new count
      .trigger(Trigger.ProcessingTime("5 seconds"))
      .format("console")
      .option("checkpointLocation", "/tmp/windowed-count")
      .start()
      .awaitTermination()
  }
}
