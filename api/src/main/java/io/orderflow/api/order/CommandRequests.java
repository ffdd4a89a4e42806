package io.orderflow.api.order;

import java.math.BigDecimal;

/** Bodies of the order commands. Amounts are decimal strings in the order's currency. */
final class CommandRequests {
  private CommandRequests() {}

  record Pay(String paymentId, BigDecimal amount) {}

  record Ship(String carrier, String trackingNumber) {}

  record Cancel(String reason) {}

  record Refund(BigDecimal amount, String reason) {}
}
