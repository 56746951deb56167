# Spark Structured Streaming 3.5 / 4.x: convert seconds to a timestamp, then a 3 s watermark.
from pyspark.sql import functions as F

readings = (raw
    .withColumn("event_time", F.timestamp_seconds("epoch_seconds"))   # not F.timestamp_millis
    .withWatermark("event_time", "3 seconds"))

counts = readings.groupBy("sensor_id", F.window("event_time", "10 seconds")).count()
