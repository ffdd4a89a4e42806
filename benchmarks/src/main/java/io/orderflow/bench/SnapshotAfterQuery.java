package io.orderflow.bench;

import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.Order;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A what-if of {@code OrderLoader.load} with one query fewer. A snapshot's version is always the
 * last version of a commit, so the commits after it start at {@code version + 1} and one query from
 * there finds them all; the store's {@code readEvents(from, to)} first asks which commit holds
 * {@code from}, a round trip a snapshot load does not need. Same snapshot read, same decode and
 * fold, so the difference is that round trip.
 */
final class SnapshotAfterQuery {
  private final DynamoDbClient dynamo;
  private final String eventsTable;
  private final SnapshotStore snapshots;
  private final EventCodec codec;

  SnapshotAfterQuery(
      DynamoDbClient dynamo, String eventsTable, SnapshotStore snapshots, EventCodec codec) {
    this.dynamo = dynamo;
    this.eventsTable = eventsTable;
    this.snapshots = snapshots;
    this.codec = codec;
  }

  Order load(String orderId) {
    Order state =
        snapshots
            .latest(orderId)
            .filter(s -> s.stateSchemaVersion() == Order.STATE_SCHEMA_VERSION)
            .map(snapshots::decode)
            .orElse(Order.initial(orderId));
    QueryRequest after =
        QueryRequest.builder()
            .tableName(eventsTable)
            .keyConditionExpression("orderId = :id AND version > :v")
            .expressionAttributeValues(
                Map.of(
                    ":id", AttributeValue.fromS(orderId),
                    ":v", AttributeValue.fromN(Long.toString(state.version()))))
            .consistentRead(true)
            .build();
    for (QueryResponse page : dynamo.queryPaginator(after)) {
      for (Map<String, AttributeValue> item : page.items()) {
        long version = Long.parseLong(item.get("version").n());
        List<AttributeValue> events = item.get("events").l();
        for (int i = 0; i < events.size(); i++) {
          Map<String, AttributeValue> e = events.get(i).m();
          StoredEvent stored =
              new StoredEvent(
                  version + i,
                  e.get("eventId").s(),
                  e.get("type").s(),
                  Integer.parseInt(e.get("schemaVersion").n()),
                  Instant.parse(e.get("occurredAt").s()),
                  e.get("data").s());
          state = state.apply(codec.decode(stored));
        }
      }
    }
    return state;
  }
}
