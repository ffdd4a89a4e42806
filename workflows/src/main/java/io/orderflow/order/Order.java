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
 * @param amountRefunded what was given back; never more than {@code amountPaid} in a sound history
 *     (an {@link OrderCorrected} restates it where a buggy refund went further)
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
    Change next = evolve(this, recorded.event()).change();
    next.version = recorded.version();
    next.createdAt = createdAt == null ? recorded.occurredAt() : createdAt;
    next.updatedAt = recorded.occurredAt();
    return next.done();
  }

  /** The pure transition: what an event does to the business state. */
  static Order evolve(Order s, OrderEvent event) {
    Change next = s.change();
    if (event instanceof OrderCreated e) {
      next.orderId = e.orderId();
      next.customerId = e.customerId();
      next.status = OrderStatus.PENDING;
      next.currency = e.currency();
      next.items = e.items();
      next.total =
          e.items().stream().map(LineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    } else if (event instanceof OrderConfirmed) {
      next.status = OrderStatus.CONFIRMED;
    } else if (event instanceof OrderPaid e) {
      next.status = OrderStatus.PAID;
      next.paymentId = e.paymentId();
      next.amountPaid = e.amount();
    } else if (event instanceof OrderShipped e) {
      next.status = OrderStatus.SHIPPED;
      next.carrier = e.carrier();
      next.trackingNumber = e.trackingNumber();
    } else if (event instanceof OrderDelivered) {
      next.status = OrderStatus.DELIVERED;
    } else if (event instanceof OrderCancelled e) {
      next.status = OrderStatus.CANCELLED;
      next.cancelReason = e.reason();
    } else if (event instanceof OrderRefunded e) {
      next.status = OrderStatus.REFUNDED;
      next.amountRefunded = s.amountRefunded.add(e.amount());
    } else if (event instanceof OrderCorrected e) {
      // a correction restates money facts; it is not a transition and never moves the status
      if (e.amountPaid() != null) {
        next.amountPaid = e.amountPaid();
      }
      if (e.amountRefunded() != null) {
        next.amountRefunded = e.amountRefunded();
      }
    } else {
      throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }
    return next.done();
  }

  private Change change() {
    return new Change(this);
  }

  /** A copy of a state being changed; only {@link #evolve} and {@link #apply} use it. */
  private static final class Change {
    String orderId;
    String customerId;
    OrderStatus status;
    String currency;
    List<LineItem> items;
    BigDecimal total;
    BigDecimal amountPaid;
    BigDecimal amountRefunded;
    String paymentId;
    String carrier;
    String trackingNumber;
    String cancelReason;
    long version;
    Instant createdAt;
    Instant updatedAt;

    Change(Order s) {
      orderId = s.orderId;
      customerId = s.customerId;
      status = s.status;
      currency = s.currency;
      items = s.items;
      total = s.total;
      amountPaid = s.amountPaid;
      amountRefunded = s.amountRefunded;
      paymentId = s.paymentId;
      carrier = s.carrier;
      trackingNumber = s.trackingNumber;
      cancelReason = s.cancelReason;
      version = s.version;
      createdAt = s.createdAt;
      updatedAt = s.updatedAt;
    }

    Order done() {
      return new Order(
          orderId,
          customerId,
          status,
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
}
