package io.orderflow.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@code order_snapshots}: PK orderId, SK version; attributes {@code state} (the folded order as
 * JSON), {@code stateSchemaVersion}, {@code takenAt}. Writing the same snapshot twice is harmless.
 */
public final class SnapshotStore {
  private final DynamoDbClient dynamo;
  private final ActiveTables tables;
  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // The state is the record's components; a derived isX() (Order.isFinal) is not part of
          // it, and would make every snapshot unreadable.
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          .build();

  public SnapshotStore(DynamoDbClient dynamo, ActiveTables tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  public void save(OrderSnapshot snapshot) {
    dynamo.putItem(
        r ->
            r.tableName(tables.snapshots())
                .item(
                    Map.of(
                        "orderId", AttributeValue.fromS(snapshot.orderId()),
                        "version", AttributeValue.fromN(Long.toString(snapshot.version())),
                        "stateSchemaVersion",
                            AttributeValue.fromN(Integer.toString(snapshot.stateSchemaVersion())),
                        "state", AttributeValue.fromS(encode(snapshot.state())),
                        "takenAt", AttributeValue.fromS(snapshot.takenAt().toString()))));
  }

  /**
   * The newest snapshot of the order, whatever its state schema; the caller decides whether it can
   * use it. A snapshot whose state cannot be read at all is reported as absent.
   */
  public Optional<StoredSnapshot> latest(String orderId) {
    QueryResponse newest =
        dynamo.query(
            r ->
                r.tableName(tables.snapshots())
                    .keyConditionExpression("orderId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
                    .scanIndexForward(false)
                    .limit(1)
                    .consistentRead(true));
    if (newest.items().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = newest.items().get(0);
    return Optional.of(
        new StoredSnapshot(
            orderId,
            Long.parseLong(item.get("version").n()),
            Integer.parseInt(item.get("stateSchemaVersion").n()),
            item.get("state").s(),
            Instant.parse(item.get("takenAt").s())));
  }

  /** Deletes all but the newest {@code keep} snapshots of the order. */
  public int prune(String orderId, int keep) {
    List<Map<String, AttributeValue>> all =
        dynamo
            .queryPaginator(
                r ->
                    r.tableName(tables.snapshots())
                        .keyConditionExpression("orderId = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
                        .projectionExpression("orderId, version")
                        .scanIndexForward(false))
            .items()
            .stream()
            .toList();
    List<Map<String, AttributeValue>> old = all.subList(Math.min(keep, all.size()), all.size());
    old.forEach(key -> dynamo.deleteItem(r -> r.tableName(tables.snapshots()).key(key)));
    return old.size();
  }

  /**
   * Reads a snapshot's state, or nothing when it cannot be read: the loader then folds the whole
   * stream and writes a fresh snapshot, so an unreadable snapshot costs time, never a wrong state.
   */
  public Optional<Order> tryDecode(StoredSnapshot snapshot) {
    try {
      return Optional.of(decode(snapshot));
    } catch (IllegalStateException unreadable) {
      return Optional.empty();
    }
  }

  /** Reads a snapshot's state; only call it for the current state schema version. */
  public Order decode(StoredSnapshot snapshot) {
    try {
      return json.readValue(snapshot.state(), Order.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "snapshot " + snapshot.orderId() + "@" + snapshot.version() + " is unreadable", e);
    }
  }

  private String encode(Order state) {
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode order " + state.orderId(), e);
    }
  }

  /** A snapshot as stored, before its state is read. */
  public record StoredSnapshot(
      String orderId, long version, int stateSchemaVersion, String state, Instant takenAt) {}
}
