package io.orderflow.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.bench.SampleCommits;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.schema.SchemaValidator;
import io.orderflow.order.OrderCreated;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SchemaValidator#violations} on a valid {@code OrderCreated} v2 payload, as every append
 * runs it, beside parsing the same text into a tree (the least any validator must do) and beside a
 * validator used once (schema compiled for the call), to show what the cache saves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchemaValidationBenchmark {
  private final SchemaValidator validator = new SchemaValidator();
  private final ObjectMapper mapper = new ObjectMapper();
  private String json;

  @Setup
  public void setUp() {
    json =
        new EventCodec().encode(SampleCommits.orderCreated("0c5e2f1a-4b1e-4d7a-9a55-3c1d2e0f9b8a"));
    if (!validator.violations(OrderCreated.TYPE, 2, json).isEmpty()) {
      throw new IllegalStateException("the sample payload must be valid");
    }
  }

  @Benchmark
  public List<String> violations() {
    return validator.violations(OrderCreated.TYPE, 2, json);
  }

  @Benchmark
  public JsonNode baselineJacksonReadTree() throws JsonProcessingException {
    return mapper.readTree(json);
  }

  @Benchmark
  public List<String> uncachedValidatorPerCall() {
    return new SchemaValidator().violations(OrderCreated.TYPE, 2, json);
  }
}
