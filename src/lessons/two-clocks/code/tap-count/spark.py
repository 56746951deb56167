# Spark Structured Streaming 3.5 / 4.x: window on the event-time column the phone stamped.
from pyspark.sql import functions as F

counts = (taps
    .withWatermark("tapped_at", "5 seconds")
    .groupBy(F.window("tapped_at", "10 seconds"))
    # processing time instead: .groupBy(F.window(F.current_timestamp(), "10 seconds"))
    .count())
