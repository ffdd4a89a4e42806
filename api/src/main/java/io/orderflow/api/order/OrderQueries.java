package io.orderflow.api.order;

import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.Order;
import io.orderflow.order.RecordedEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads an order straight from the event store and folds it: the source of truth, not a cache. */
@Component
class OrderQueries {
  private final DynamoDbEventStore store;

  OrderQueries(DynamoDbEventStore store) {
    this.store = store;
  }

  Order order(String orderId, Long atVersion) {
    List<StoredEvent> events = events(orderId);
    if (atVersion != null) {
      if (atVersion < 1 || atVersion > events.size()) {
        throw new OrderNotFound(
            "order " + orderId + " has versions 1.." + events.size() + ", not " + atVersion);
      }
      events = events.subList(0, atVersion.intValue());
    }
    List<RecordedEvent> recorded = events.stream().map(store.codec()::decode).toList();
    return Order.fold(orderId, recorded);
  }

  List<StoredEvent> events(String orderId) {
    List<StoredEvent> events = store.readEvents(orderId);
    if (events.isEmpty()) {
      throw new OrderNotFound("no order with id " + orderId);
    }
    return events;
  }
}
