package io.orderflow.order;

/** The carrier delivered the order. */
public record OrderDelivered() implements OrderEvent {
  public static final String TYPE = "order-delivered";
}
