package io.orderflow.api.order;

/** No order has this id, or none had reached the asked version. */
public final class OrderNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OrderNotFound(String message) {
    super(message);
  }
}
