# Spark Structured Streaming (PySpark 3.5/4.x): the watermark delay is also the only lateness setting.
from pyspark.sql import functions as F

counts = (
    readings
    .withWatermark("event_time", "5 seconds")          # W = max event time of the last batch - 5 s
    .groupBy(F.window("event_time", "10 seconds"))
    .count()
)

# append: one row per window once W passes its end; rows for windows already behind W are dropped.
# update: a changed row per batch while the window is kept, so late rows correct earlier results.
query = counts.writeStream.outputMode("update").format("console").start()
