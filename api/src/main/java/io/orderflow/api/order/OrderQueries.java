package io.orderflow.api.order;

import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCommand;
import io.orderflow.order.OrderRejected;
import io.orderflow.order.RecordedEvent;
import io.orderflow.snapshot.OrderLoader;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads an order straight from the event store and folds it: the source of truth, not a cache. */
@Component
class OrderQueries {
  private final DynamoDbEventStore store;
  private final OrderLoader loader;

  OrderQueries(DynamoDbEventStore store, OrderLoader loader) {
    this.store = store;
    this.loader = loader;
  }

  /** The order now (through its latest snapshot), or as it was at {@code atVersion}. */
  Order order(String orderId, Long atVersion) {
    if (atVersion == null) {
      Order order = loader.load(orderId).order();
      if (!order.exists()) {
        throw new OrderNotFound("no order with id " + orderId);
      }
      return order;
    }
    if (atVersion < 1) {
      throw new OrderNotFound("versions start at 1, not " + atVersion);
    }
    List<StoredEvent> events = store.readEvents(orderId, 1, atVersion);
    if (events.isEmpty()) {
      throw new OrderNotFound("no order with id " + orderId);
    }
    if (events.size() < atVersion) {
      throw new OrderNotFound(
          "order " + orderId + " has versions 1.." + events.size() + ", not " + atVersion);
    }
    List<RecordedEvent> recorded = events.stream().map(store.codec()::decode).toList();
    return Order.fold(orderId, recorded);
  }

  /** The request id that created the order: the causation id of its first commit. */
  Optional<String> createdBy(String orderId) {
    return store.readCommit(orderId, 1).map(c -> c.metadata().causationId());
  }

  /**
   * Why a command found no workflow to take it: the order does not exist (404), or its life is over
   * and it takes no more commands (409).
   */
  RuntimeException whyNoWorkflow(String orderId, OrderCommand command) {
    Order order = loader.load(orderId).order();
    if (!order.exists()) {
      return new OrderNotFound("no order with id " + orderId);
    }
    return new OrderRejected(
        OrderRejected.ILLEGAL_TRANSITION,
        "cannot "
            + command.name()
            + " an order that is "
            + order.status()
            + (order.isFinal() ? "" : ": its refund window has closed"),
        List.of());
  }

  List<StoredEvent> events(String orderId) {
    List<StoredEvent> events = store.readEvents(orderId);
    if (events.isEmpty()) {
      throw new OrderNotFound("no order with id " + orderId);
    }
    return events;
  }
}
