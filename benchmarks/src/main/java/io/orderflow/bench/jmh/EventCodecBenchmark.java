package io.orderflow.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.orderflow.bench.SampleCommits;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.RecordedEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link EventCodec} on an {@code OrderCreated} with three items. Encoding is one Jackson write, so
 * it is its own baseline; decoding goes through a map and the upcaster chain, so it stands beside a
 * bare Jackson read of the same payload straight into the record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventCodecBenchmark {
  private final EventCodec codec = new EventCodec();
  private OrderCreated event;
  private StoredEvent stored;

  @Setup
  public void setUp() {
    event = SampleCommits.orderCreated("0c5e2f1a-4b1e-4d7a-9a55-3c1d2e0f9b8a");
    stored =
        new StoredEvent(
            1,
            "7d3f9a2c-1b4e-4c8d-9e6f-0a1b2c3d4e5f",
            OrderCreated.TYPE,
            2,
            SampleCommits.OCCURRED_AT,
            codec.encode(event));
  }

  @Benchmark
  public String encode() {
    return codec.encode(event);
  }

  @Benchmark
  public RecordedEvent decode() {
    return codec.decode(stored);
  }

  @Benchmark
  public OrderCreated baselineJacksonReadValue() throws JsonProcessingException {
    return codec.mapper().readValue(stored.data(), OrderCreated.class);
  }
}
