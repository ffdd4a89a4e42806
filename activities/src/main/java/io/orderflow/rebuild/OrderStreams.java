package io.orderflow.rebuild;

import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.Order;
import io.orderflow.order.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads an order's whole stream from an events table and folds it with today's code. */
final class OrderStreams {
  private final DynamoDbClient dynamo;
  private final EventCodec codec;

  OrderStreams(DynamoDbClient dynamo, EventCodec codec) {
    this.dynamo = dynamo;
    this.codec = codec;
  }

  /** The order's state, or why its history cannot be folded. */
  record Folded(Order order, String problem) {}

  /** Every commit of the order, oldest first, read consistently. */
  List<CommitEvents> read(String eventsTable, String orderId) {
    List<CommitEvents> commits = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder request =
          QueryRequest.builder()
              .tableName(eventsTable)
              .keyConditionExpression("#o = :id")
              .projectionExpression(CommitEvents.PROJECTION)
              .expressionAttributeNames(CommitEvents.NAMES)
              .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
              .consistentRead(true);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      var response = dynamo.query(request.build());
      response.items().forEach(item -> commits.add(CommitEvents.of(item)));
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return commits;
  }

  /**
   * Folds the commits; a gap, a foreign version or an unreadable event is a problem, not a throw.
   */
  Folded fold(String orderId, List<CommitEvents> commits) {
    try {
      List<RecordedEvent> events = new ArrayList<>();
      for (CommitEvents commit : commits) {
        for (StoredEvent event : commit.events()) {
          events.add(codec.decode(event));
        }
      }
      Order order = Order.fold(orderId, events);
      return order.exists() ? new Folded(order, null) : new Folded(null, orderId + ": no events");
    } catch (RuntimeException unfoldable) {
      return new Folded(null, orderId + ": " + unfoldable.getMessage());
    }
  }
}
