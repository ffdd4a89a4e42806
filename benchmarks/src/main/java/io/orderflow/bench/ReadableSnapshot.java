package io.orderflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderflow.order.Order;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fallback for setting up the benchmark only: writes a snapshot item in {@code SnapshotStore}'s
 * layout whose state holds the {@link Order} record's components and nothing else. Used when the
 * store cannot read back what it wrote (a bean getter such as {@code isFinal()} serialized as an
 * extra property), so that the timed read path is still the real {@code OrderLoader}.
 */
final class ReadableSnapshot {
  private static final Set<String> COMPONENTS =
      Arrays.stream(Order.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private final DynamoDbClient dynamo;
  private final String table;

  ReadableSnapshot(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  void save(Order state) {
    ObjectNode tree = json.valueToTree(state);
    tree.retain(COMPONENTS);
    String text;
    try {
      text = json.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    dynamo.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "orderId", AttributeValue.fromS(state.orderId()),
                        "version", AttributeValue.fromN(Long.toString(state.version())),
                        "stateSchemaVersion",
                            AttributeValue.fromN(Integer.toString(Order.STATE_SCHEMA_VERSION)),
                        "state", AttributeValue.fromS(text),
                        "takenAt", AttributeValue.fromS(Instant.now().toString()))));
  }
}
