package io.orderflow.order;

import java.util.ArrayList;
import java.util.List;

/**
 * The business rules every stored history must satisfy, checked event by event while folding. A
 * restore runs this on the orders it rebuilds: a history that passes the hash chain but breaks a
 * rule was written wrong in the first place, and the operator has to hear about it.
 */
public final class OrderInvariants {
  private OrderInvariants() {}

  /** One broken rule, at the event that broke it. */
  public record Violation(String orderId, long version, String rule, String detail) {}

  /** The fold of the history, and every rule it breaks (empty when it is sound). */
  public record Checked(Order state, List<Violation> violations) {
    public boolean sound() {
      return violations.isEmpty();
    }
  }

  /** Folds {@code events}, oldest first, checking each step. Never throws for a bad history. */
  public static Checked check(String orderId, List<RecordedEvent> events) {
    List<Violation> violations = new ArrayList<>();
    Order state = Order.initial(orderId);
    for (RecordedEvent recorded : events) {
      OrderEvent event = recorded.event();
      long version = recorded.version();
      if (version != state.version() + 1) {
        violations.add(
            new Violation(
                orderId,
                version,
                "contiguous-versions",
                "event " + version + " follows version " + state.version()));
        return new Checked(state, violations);
      }
      checkStep(orderId, state, recorded, violations);
      if (event instanceof OrderCreated created && !state.exists()) {
        checkCreated(orderId, version, created, violations);
      }
      state = state.apply(recorded);
    }
    return new Checked(state, violations);
  }

  private static void checkStep(
      String orderId, Order state, RecordedEvent recorded, List<Violation> violations) {
    OrderEvent event = recorded.event();
    long version = recorded.version();
    if (!state.exists()) {
      if (!(event instanceof OrderCreated)) {
        violations.add(
            new Violation(orderId, version, "created-first", "the first event is " + name(event)));
      }
      return;
    }
    if (event instanceof OrderCreated) {
      violations.add(
          new Violation(orderId, version, "created-once", "a second order-created event"));
      return;
    }
    OrderStatus to = statusAfter(event);
    if (!OrderStateMachine.allows(state.status(), to)) {
      violations.add(
          new Violation(
              orderId,
              version,
              "legal-transition",
              name(event) + " on an order that is " + state.status()));
    }
    if (event instanceof OrderPaid paid && paid.amount().compareTo(state.total()) != 0) {
      violations.add(
          new Violation(
              orderId,
              version,
              "paid-equals-total",
              "paid " + paid.amount() + " of a total of " + state.total()));
    }
    if (event instanceof OrderRefunded refund) {
      if (refund.amount().signum() <= 0 || refund.amount().compareTo(state.refundable()) > 0) {
        violations.add(
            new Violation(
                orderId,
                version,
                "refund-within-paid",
                "refund of " + refund.amount() + " with " + state.refundable() + " refundable"));
      }
    }
  }

  private static void checkCreated(
      String orderId, long version, OrderCreated created, List<Violation> violations) {
    if (created.items() == null || created.items().isEmpty()) {
      violations.add(new Violation(orderId, version, "has-items", "an order without items"));
      return;
    }
    for (LineItem item : created.items()) {
      if (item.quantity() <= 0 || item.unitPrice() == null || item.unitPrice().signum() < 0) {
        violations.add(
            new Violation(
                orderId,
                version,
                "valid-items",
                "item "
                    + item.sku()
                    + ": quantity "
                    + item.quantity()
                    + " at "
                    + item.unitPrice()));
      }
    }
    if (!orderId.equals(created.orderId())) {
      violations.add(
          new Violation(
              orderId,
              version,
              "own-stream",
              "created as " + created.orderId() + " in this stream"));
    }
  }

  private static OrderStatus statusAfter(OrderEvent event) {
    if (event instanceof OrderConfirmed) {
      return OrderStatus.CONFIRMED;
    } else if (event instanceof OrderPaid) {
      return OrderStatus.PAID;
    } else if (event instanceof OrderShipped) {
      return OrderStatus.SHIPPED;
    } else if (event instanceof OrderDelivered) {
      return OrderStatus.DELIVERED;
    } else if (event instanceof OrderCancelled) {
      return OrderStatus.CANCELLED;
    } else if (event instanceof OrderRefunded) {
      return OrderStatus.REFUNDED;
    }
    return OrderStatus.PENDING;
  }

  private static String name(OrderEvent event) {
    return event.getClass().getSimpleName();
  }
}
