package io.orderflow.bench.jmh;

import io.orderflow.bench.SampleCommits;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Order#fold} of a stream, and what a load without snapshot does on the CPU: decode every
 * stored event, then fold. {@code OrderCreated} is the only event type so far, so a stream is that
 * event repeated at successive versions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrderFoldBenchmark {
  private static final String ORDER_ID = "0c5e2f1a-4b1e-4d7a-9a55-3c1d2e0f9b8a";

  @Param({"10", "100", "1000"})
  public int events;

  private final EventCodec codec = new EventCodec();
  private List<RecordedEvent> recorded;
  private List<StoredEvent> stored;

  @Setup
  public void setUp() {
    OrderCreated created = SampleCommits.orderCreated(ORDER_ID);
    String data = codec.encode(created);
    recorded = new ArrayList<>();
    stored = new ArrayList<>();
    for (int v = 1; v <= events; v++) {
      String eventId = UUID.randomUUID().toString();
      recorded.add(new RecordedEvent(v, eventId, SampleCommits.OCCURRED_AT, created));
      stored.add(
          new StoredEvent(v, eventId, OrderCreated.TYPE, 2, SampleCommits.OCCURRED_AT, data));
    }
  }

  @Benchmark
  public Order fold() {
    return Order.fold(ORDER_ID, recorded);
  }

  @Benchmark
  public Order decodeAndFold() {
    List<RecordedEvent> decoded = new ArrayList<>(stored.size());
    for (StoredEvent e : stored) {
      decoded.add(codec.decode(e));
    }
    return Order.fold(ORDER_ID, decoded);
  }
}
