package io.orderflow.order;

/** Where an order is in its lifecycle. */
public enum OrderStatus {
  PENDING,
  CONFIRMED,
  PAID,
  SHIPPED,
  DELIVERED,
  CANCELLED,
  REFUNDED
}
