package io.orderflow.order;

import io.orderflow.order.OrderInvariants.Violation;
import java.util.List;

/**
 * What today's rules demand of a stored history that breaks one: for every violation no later
 * correction answers, either the {@link OrderCorrected} event to append, or why an operator has to
 * decide. Pure. Money facts are only restated where the right figure follows from the history
 * itself; everything else is left to a person (docs/decisions.md, "Corrective events").
 */
public final class HistoryCorrections {
  private HistoryCorrections() {}

  /** What one violation needs. */
  public sealed interface Remedy permits Append, Operator {
    Violation violation();
  }

  /** Append {@code event}: the correction follows from the history. */
  public record Append(Violation violation, OrderCorrected event) implements Remedy {}

  /** No automatic correction: {@code why} tells the operator what is to be decided. */
  public record Operator(Violation violation, String why) implements Remedy {}

  /**
   * The remedy for every open violation of {@code history}, oldest first; empty when it is sound.
   *
   * @param operationId the operation that would append the corrections, recorded in each event
   */
  public static List<Remedy> remedies(
      String orderId, List<RecordedEvent> history, String operationId) {
    return OrderInvariants.check(orderId, history).violations().stream()
        .map(v -> remedy(orderId, history, v, operationId))
        .toList();
  }

  static Remedy remedy(
      String orderId, List<RecordedEvent> history, Violation v, String operationId) {
    if (OrderInvariants.REFUND_WITHIN_PAID.equals(v.rule())) {
      return cappedRefund(orderId, history, v, operationId);
    }
    if (OrderInvariants.PAID_EQUALS_TOTAL.equals(v.rule())) {
      // What the payment recorded is what the customer paid: restating it would hide real money.
      return new Operator(
          v,
          "the payment recorded is what the customer paid; refund the surplus or collect the"
              + " difference, then correct the order by hand");
    }
    return new Operator(v, "no automatic correction for " + v.rule() + "; an operator decides");
  }

  /**
   * A refund above what was refundable gave back at most what was paid: the total refunded is
   * capped at the amount paid before it.
   */
  private static Remedy cappedRefund(
      String orderId, List<RecordedEvent> history, Violation v, String operationId) {
    OrderEvent at =
        history.stream()
            .filter(e -> e.version() == v.version())
            .map(RecordedEvent::event)
            .findFirst()
            .orElse(null);
    if (!(at instanceof OrderRefunded refund) || refund.amount().signum() <= 0) {
      return new Operator(v, "a refund that is not positive; an operator decides what it meant");
    }
    Order before =
        Order.fold(orderId, history.stream().filter(e -> e.version() < v.version()).toList());
    String currency = before.currency() == null ? "" : " " + before.currency();
    String reason =
        "refund of "
            + refund.amount().toPlainString()
            + currency
            + " exceeded the "
            + before.refundable().toPlainString()
            + currency
            + " refundable; capped";
    return new Append(
        v,
        new OrderCorrected(v.version(), v.rule(), reason, operationId, null, before.amountPaid()));
  }
}
