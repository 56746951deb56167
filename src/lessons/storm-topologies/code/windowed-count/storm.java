// Per-user click counts in 10 s windows sliding every 5 s, on tuple timestamps (Storm 2.x).
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.StormSubmitter;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.topology.base.BaseWindowedBolt;
import org.apache.storm.topology.base.BaseWindowedBolt.Duration;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.windowing.TupleWindow;

public class ClickCounts {
  public static class CountBolt extends BaseWindowedBolt {
    private OutputCollector collector;

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
      this.collector = collector;
    }

    @Override
    public void execute(TupleWindow window) {   // once per window, when the watermark reaches its end
      Map<String, Long> counts = new java.util.HashMap<>();
      for (Tuple t : window.get()) counts.merge(t.getStringByField("user"), 1L, Long::sum);
      counts.forEach((user, n) -> collector.emit(new Values(user, window.getEndTimestamp(), n)));
    }                                            // emits are anchored to the window's tuples; they are acked on expiry

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
      declarer.declare(new Fields("user", "windowEnd", "count"));
    }
  }

  public static void main(String[] args) throws Exception {
    TopologyBuilder builder = new TopologyBuilder();
    builder.setSpout("clicks", new ClickSpout(), 2);                 // a reliable spout: emits with a message id
    builder.setBolt("count", new CountBolt()
            .withWindow(Duration.seconds(10), Duration.seconds(5))
            .withTimestampField("ts")
            .withLag(Duration.seconds(2))
            .withLateTupleStream("late"), 4)
        .fieldsGrouping("clicks", new Fields("user"));              // every tuple of a user reaches the same task

    Config conf = new Config();
    conf.setMessageTimeoutSecs(30);   // must be at least window length + slide (15 s), or prepare() throws
    conf.setMaxSpoutPending(1000);    // at most 1000 un-acked tuples per spout task
    StormSubmitter.submitTopology("click-counts", conf, builder.createTopology());
  }
}
