package io.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The state of one order, as the fold of its events. Immutable: {@link #evolve} returns a new
 * state.
 *
 * @param version the version of the last event folded in; 0 for an order that does not exist yet
 */
public record Order(
    String orderId,
    String customerId,
    OrderStatus status,
    String currency,
    List<LineItem> items,
    BigDecimal total,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The shape of this record as snapshots store it. Raise it with every change to the fields, so
   * that snapshots of the old shape are ignored and rewritten instead of misread.
   */
  public static final int STATE_SCHEMA_VERSION = 1;

  public Order {
    items = List.copyOf(items);
  }

  /** The state before the first event. */
  public static Order initial(String orderId) {
    return new Order(orderId, null, null, null, List.of(), BigDecimal.ZERO, 0, null, null);
  }

  public boolean exists() {
    return version > 0;
  }

  /** Folds a stream, oldest first, into the state it describes. */
  public static Order fold(String orderId, List<RecordedEvent> events) {
    Order state = initial(orderId);
    for (RecordedEvent recorded : events) {
      state = state.apply(recorded);
    }
    return state;
  }

  /** This state with one more recorded event folded in. */
  public Order apply(RecordedEvent recorded) {
    if (recorded.version() != version + 1) {
      throw new IllegalStateException(
          "order "
              + orderId
              + " at version "
              + version
              + " cannot take event "
              + recorded.version());
    }
    Order next = evolve(this, recorded.event());
    Instant created = createdAt == null ? recorded.occurredAt() : createdAt;
    return new Order(
        next.orderId,
        next.customerId,
        next.status,
        next.currency,
        next.items,
        next.total,
        recorded.version(),
        created,
        recorded.occurredAt());
  }

  /** The pure transition: what an event does to the business state. */
  static Order evolve(Order state, OrderEvent event) {
    if (event instanceof OrderCreated created) {
      BigDecimal total =
          created.items().stream()
              .map(LineItem::lineTotal)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      return new Order(
          created.orderId(),
          created.customerId(),
          OrderStatus.PENDING,
          created.currency(),
          created.items(),
          total,
          state.version,
          state.createdAt,
          state.updatedAt);
    }
    throw new IllegalArgumentException("unknown event " + event.getClass().getName());
  }
}
