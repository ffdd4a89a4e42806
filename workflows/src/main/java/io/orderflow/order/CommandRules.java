package io.orderflow.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The rules on a command's own input, and the event an accepted command becomes. */
final class CommandRules {
  private CommandRules() {}

  static List<FieldViolation> violations(Order state, OrderCommand command) {
    List<FieldViolation> violations = new ArrayList<>();
    if (command instanceof OrderCommand.Pay pay) {
      required("paymentId", pay.paymentId(), violations);
      amount("amount", pay.amount(), state, violations);
      if (pay.amount() != null && pay.amount().compareTo(state.total()) != 0) {
        violations.add(
            new FieldViolation(
                "amount", "must equal the order total " + state.total().toPlainString()));
      }
    } else if (command instanceof OrderCommand.Ship ship) {
      required("carrier", ship.carrier(), violations);
      required("trackingNumber", ship.trackingNumber(), violations);
    } else if (command instanceof OrderCommand.Cancel cancel) {
      required("reason", cancel.reason(), violations);
    } else if (command instanceof OrderCommand.Refund refund) {
      required("reason", refund.reason(), violations);
      amount("amount", refund.amount(), state, violations);
      if (refund.amount() != null && refund.amount().signum() == 0) {
        violations.add(new FieldViolation("amount", "must be positive"));
      }
      if (refund.amount() != null && refund.amount().compareTo(state.refundable()) > 0) {
        violations.add(
            new FieldViolation(
                "amount",
                "cannot exceed what was paid ("
                    + state.refundable().toPlainString()
                    + " "
                    + state.currency()
                    + ")"));
      }
    }
    return violations;
  }

  static OrderEvent event(OrderCommand command) {
    if (command instanceof OrderCommand.Confirm) {
      return new OrderConfirmed();
    }
    if (command instanceof OrderCommand.Pay pay) {
      return new OrderPaid(pay.paymentId(), pay.amount());
    }
    if (command instanceof OrderCommand.Ship ship) {
      return new OrderShipped(ship.carrier(), ship.trackingNumber());
    }
    if (command instanceof OrderCommand.Deliver) {
      return new OrderDelivered();
    }
    if (command instanceof OrderCommand.Cancel cancel) {
      return new OrderCancelled(cancel.reason());
    }
    if (command instanceof OrderCommand.Refund refund) {
      return new OrderRefunded(refund.amount(), refund.reason());
    }
    throw new IllegalArgumentException("unknown command " + command.getClass().getName());
  }

  private static void required(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "must not be blank"));
    }
  }

  private static void amount(
      String field, BigDecimal amount, Order state, List<FieldViolation> violations) {
    if (amount == null) {
      violations.add(new FieldViolation(field, "must not be null"));
      return;
    }
    if (amount.signum() < 0) {
      violations.add(new FieldViolation(field, "must not be negative"));
    }
    int digits = Currency.getInstance(state.currency()).getDefaultFractionDigits();
    if (amount.stripTrailingZeros().scale() > digits) {
      violations.add(
          new FieldViolation(
              field,
              "has more decimal places than " + state.currency() + " allows (" + digits + ")"));
    }
  }
}
