package io.orderflow.order;

import java.util.ArrayList;
import java.util.List;

/**
 * The business rules every stored history must satisfy, checked event by event while folding. A
 * restore runs this on the orders it rebuilds: a history that passes the hash chain but breaks a
 * rule was written wrong in the first place, and the operator has to hear about it.
 *
 * <p>A violation counts as corrected, and is not reported, when a later {@link OrderCorrected}
 * names its version and rule: history is never rewritten, so a corrected history checks sound.
 */
public final class OrderInvariants {
  /** A payment must equal the order's total. */
  public static final String PAID_EQUALS_TOTAL = "paid-equals-total";

  /** A refund must be positive and at most what is still refundable. */
  public static final String REFUND_WITHIN_PAID = "refund-within-paid";

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
    Checked folded = fold(orderId, events, violations);
    List<Violation> open =
        violations.stream().filter(v -> events.stream().noneMatch(e -> corrects(e, v))).toList();
    return new Checked(folded.state(), open);
  }

  private static boolean corrects(RecordedEvent later, Violation v) {
    return later.version() > v.version()
        && later.event() instanceof OrderCorrected c
        && c.corrects(v.version(), v.rule());
  }

  private static Checked fold(
      String orderId, List<RecordedEvent> events, List<Violation> violations) {
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
    if (event instanceof OrderCorrected correction) {
      checkCorrection(orderId, state, version, correction, violations);
      return;
    }
    if (!OrderStateMachine.accepts(state.status(), event)) {
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
              PAID_EQUALS_TOTAL,
              "paid " + paid.amount() + " of a total of " + state.total()));
    }
    if (event instanceof OrderRefunded refund) {
      if (refund.amount().signum() <= 0 || refund.amount().compareTo(state.refundable()) > 0) {
        violations.add(
            new Violation(
                orderId,
                version,
                REFUND_WITHIN_PAID,
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

  // Only a later correction can answer an event, and what it restates must itself be sound.
  private static void checkCorrection(
      String orderId, Order state, long version, OrderCorrected c, List<Violation> violations) {
    Order after = Order.evolve(state, c);
    boolean negative =
        (c.amountPaid() != null && c.amountPaid().signum() < 0)
            || (c.amountRefunded() != null && c.amountRefunded().signum() < 0);
    if (c.correctsVersion() < 1
        || c.correctsVersion() >= version
        || negative
        || after.amountRefunded().compareTo(after.amountPaid()) > 0) {
      violations.add(
          new Violation(
              orderId,
              version,
              "sound-correction",
              "a correction of version "
                  + c.correctsVersion()
                  + " that leaves "
                  + after.amountPaid()
                  + " paid and "
                  + after.amountRefunded()
                  + " refunded"));
    }
  }

  private static String name(OrderEvent event) {
    return event.getClass().getSimpleName();
  }
}
