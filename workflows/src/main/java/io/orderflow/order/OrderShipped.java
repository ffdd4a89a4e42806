package io.orderflow.order;

/** The order left the warehouse with a carrier. */
public record OrderShipped(String carrier, String trackingNumber) implements OrderEvent {
  public static final String TYPE = "order-shipped";
}
