package io.orderflow.order;

/** The order was confirmed and now waits for payment. */
public record OrderConfirmed() implements OrderEvent {
  public static final String TYPE = "order-confirmed";
}
