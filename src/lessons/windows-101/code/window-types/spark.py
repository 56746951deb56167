# Spark Structured Streaming 3.5 / 4.x: tumbling, sliding and session windows on an event-time column.
from pyspark.sql import functions as F

clicks = clicks.withWatermark("clicked_at", "2 seconds")

tumbling = clicks.groupBy("user_id", F.window("clicked_at", "10 seconds")).count()
sliding  = clicks.groupBy("user_id", F.window("clicked_at", "10 seconds", "5 seconds")).count()
sessions = clicks.groupBy("user_id", F.session_window("clicked_at", "5 seconds")).count()
