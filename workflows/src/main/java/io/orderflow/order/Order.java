package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The state of one order, as the fold of its events. Immutable: {@link #evolve} returns a new
 * state.
 *
 * @param amountPaid what the customer paid; zero until paid
 * @param amountRefunded what was given back; never more than {@code amountPaid}
 * @param cancelReason why the order was cancelled; null unless it was
 * @param version the version of the last event folded in; 0 for an order that does not exist yet
 */
public record Order(
    String orderId,
    String customerId,
    OrderStatus status,
    String currency,
    List<LineItem> items,
    BigDecimal total,
    BigDecimal amountPaid,
    BigDecimal amountRefunded,
    String paymentId,
    String carrier,
    String trackingNumber,
    String cancelReason,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The shape of this record as snapshots store it. Raise it with every change to the fields, so
   * that snapshots of the old shape are ignored and rewritten instead of misread. 2: payment,
   * shipment and cancellation fields.
   */
  public static final int STATE_SCHEMA_VERSION = 2;

  public Order {
    items = items == null ? List.of() : List.copyOf(items);
    total = total == null ? BigDecimal.ZERO : total;
    amountPaid = amountPaid == null ? BigDecimal.ZERO : amountPaid;
    amountRefunded = amountRefunded == null ? BigDecimal.ZERO : amountRefunded;
  }

  /** The state before the first event. */
  public static Order initial(String orderId) {
    return new Order(
        orderId, null, null, null, List.of(), null, null, null, null, null, null, null, 0, null,
        null);
  }

  public boolean exists() {
    return version > 0;
  }

  /** Cancelled and refunded orders never change again. Derived, so never serialized. */
  @JsonIgnore
  public boolean isFinal() {
    return status == OrderStatus.CANCELLED || status == OrderStatus.REFUNDED;
  }

  /** What can still be refunded. */
  public BigDecimal refundable() {
    return amountPaid.subtract(amountRefunded);
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
    return new Order(
        next.orderId,
        next.customerId,
        next.status,
        next.currency,
        next.items,
        next.total,
        next.amountPaid,
        next.amountRefunded,
        next.paymentId,
        next.carrier,
        next.trackingNumber,
        next.cancelReason,
        recorded.version(),
        createdAt == null ? recorded.occurredAt() : createdAt,
        recorded.occurredAt());
  }

  /** The pure transition: what an event does to the business state. */
  static Order evolve(Order s, OrderEvent event) {
    if (event instanceof OrderCreated e) {
      BigDecimal total =
          e.items().stream().map(LineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
      return new Order(
          e.orderId(),
          e.customerId(),
          OrderStatus.PENDING,
          e.currency(),
          e.items(),
          total,
          null,
          null,
          null,
          null,
          null,
          null,
          s.version,
          s.createdAt,
          s.updatedAt);
    }
    if (event instanceof OrderConfirmed) {
      return s.withStatus(OrderStatus.CONFIRMED);
    }
    if (event instanceof OrderPaid e) {
      return new Order(
          s.orderId,
          s.customerId,
          OrderStatus.PAID,
          s.currency,
          s.items,
          s.total,
          e.amount(),
          s.amountRefunded,
          e.paymentId(),
          s.carrier,
          s.trackingNumber,
          s.cancelReason,
          s.version,
          s.createdAt,
          s.updatedAt);
    }
    if (event instanceof OrderShipped e) {
      return new Order(
          s.orderId,
          s.customerId,
          OrderStatus.SHIPPED,
          s.currency,
          s.items,
          s.total,
          s.amountPaid,
          s.amountRefunded,
          s.paymentId,
          e.carrier(),
          e.trackingNumber(),
          s.cancelReason,
          s.version,
          s.createdAt,
          s.updatedAt);
    }
    if (event instanceof OrderDelivered) {
      return s.withStatus(OrderStatus.DELIVERED);
    }
    if (event instanceof OrderCancelled e) {
      return new Order(
          s.orderId,
          s.customerId,
          OrderStatus.CANCELLED,
          s.currency,
          s.items,
          s.total,
          s.amountPaid,
          s.amountRefunded,
          s.paymentId,
          s.carrier,
          s.trackingNumber,
          e.reason(),
          s.version,
          s.createdAt,
          s.updatedAt);
    }
    if (event instanceof OrderRefunded e) {
      return new Order(
          s.orderId,
          s.customerId,
          OrderStatus.REFUNDED,
          s.currency,
          s.items,
          s.total,
          s.amountPaid,
          s.amountRefunded.add(e.amount()),
          s.paymentId,
          s.carrier,
          s.trackingNumber,
          s.cancelReason,
          s.version,
          s.createdAt,
          s.updatedAt);
    }
    throw new IllegalArgumentException("unknown event " + event.getClass().getName());
  }

  private Order withStatus(OrderStatus next) {
    return new Order(
        orderId,
        customerId,
        next,
        currency,
        items,
        total,
        amountPaid,
        amountRefunded,
        paymentId,
        carrier,
        trackingNumber,
        cancelReason,
        version,
        createdAt,
        updatedAt);
  }
}
