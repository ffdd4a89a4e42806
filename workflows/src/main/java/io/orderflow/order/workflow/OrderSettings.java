package io.orderflow.order.workflow;

import java.time.Duration;

/**
 * The timing of an order's life, fixed when its workflow starts (workflow code cannot read
 * configuration) and handed on at continue-as-new.
 *
 * @param paymentTimeout a confirmed order not paid within this is cancelled ({@code
 *     payment-timeout})
 * @param refundWindow how long a delivered order's workflow waits for a refund before it ends
 * @param maxHistoryEvents continue-as-new past this history length, even if Temporal does not
 *     suggest it yet
 */
public record OrderSettings(Duration paymentTimeout, Duration refundWindow, int maxHistoryEvents) {
  public static OrderSettings defaults() {
    return new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(30), 2_000);
  }
}
