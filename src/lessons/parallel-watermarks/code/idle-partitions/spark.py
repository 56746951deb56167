# Spark Structured Streaming (PySpark 3.5/4.x): one global watermark per query, no per-partition minimum.
from pyspark.sql import functions as F

counts = (
    readings                                        # e.g. spark.readStream.format("kafka")...
    .withWatermark("event_time", "5 seconds")       # after each batch: max(event_time over all partitions) - 5 s
    .groupBy(F.window("event_time", "10 seconds"))
    .count()
)
query = counts.writeStream.outputMode("append").format("console").start()

# A silent Kafka partition does not hold this watermark back; instead, its records arrive late and are dropped.
# With several watermarked inputs (a union or a join), the global watermark is their minimum by default:
spark.conf.set("spark.sql.streaming.multipleWatermarkPolicy", "min")   # or "max"
