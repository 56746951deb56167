// Join orders (6 partitions) with payments (4 partitions) by order id within 5 minutes (Kafka Streams 3.x / 4.0).
// Joined as they are, the application would not start: the two topics are not co-partitioned.
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;

public class PaidOrders {
  static void build(StreamsBuilder builder) {
    KStream<String, String> orders = builder.stream("orders", Consumed.with(Serdes.String(), Serdes.String()));
    KStream<String, String> payments = builder.stream("payments", Consumed.with(Serdes.String(), Serdes.String()));

    // Write payments through a repartition topic with as many partitions as orders, so that partition i of both
    // inputs holds the same order ids and lands in the same task.
    KStream<String, String> paymentsBy6 = payments.repartition(
        Repartitioned.<String, String>as("payments-by-order").withNumberOfPartitions(6));

    orders
        .join(paymentsBy6,
            (order, payment) -> order + " paid by " + payment,
            JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMinutes(5)),
            StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()))
        .to("paid-orders", Produced.with(Serdes.String(), Serdes.String()));
  }
}
