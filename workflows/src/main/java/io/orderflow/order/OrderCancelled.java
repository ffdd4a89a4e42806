package io.orderflow.order;

/**
 * The order was cancelled before it was paid.
 *
 * @param reason free text from the customer or operator, or {@code payment-timeout}
 */
public record OrderCancelled(String reason) implements OrderEvent {
  public static final String TYPE = "order-cancelled";
  public static final String PAYMENT_TIMEOUT = "payment-timeout";
}
