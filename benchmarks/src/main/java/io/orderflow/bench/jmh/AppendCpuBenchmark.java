package io.orderflow.bench.jmh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bench.SampleCommits;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * What an append costs on the caller's CPU before the network: the whole of {@link
 * DynamoDbEventStore#append} against a client that answers every put at once, beside building the
 * same put request from a ready item. Not a test double for correctness (the adapter tests run
 * against dynalite); only a way to take the server out of the timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AppendCpuBenchmark {
  private static final String ORDER_ID = "0c5e2f1a-4b1e-4d7a-9a55-3c1d2e0f9b8a";

  private final CapturingClient client = new CapturingClient();
  private DynamoDbEventStore store;
  private NewCommit commit;
  private Map<String, AttributeValue> item;

  @Setup
  public void setUp() {
    store =
        new DynamoDbEventStore(
            client,
            TableNames.defaults(),
            new EventCodec(),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    commit = SampleCommits.firstCommit(ORDER_ID);
    store.append(commit);
    item = client.last.item();
  }

  @Benchmark
  public AppendResult orderflowAppend() {
    return store.append(commit);
  }

  @Benchmark
  public PutItemResponse baselineRawPutRequest() {
    Map<String, AttributeValue> copy = new HashMap<>(item);
    return client.putItem(
        r ->
            r.tableName("order_events")
                .item(copy)
                .conditionExpression("attribute_not_exists(orderId)"));
  }

  private static final class CapturingClient implements DynamoDbClient {
    private final PutItemResponse ok = PutItemResponse.builder().build();
    private volatile PutItemRequest last;

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      last = request;
      return ok;
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
