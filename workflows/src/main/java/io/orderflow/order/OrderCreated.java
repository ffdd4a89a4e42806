package io.orderflow.order;

import java.util.List;

/** An order was placed: who placed it, what it holds and in which currency it is priced. */
public record OrderCreated(String orderId, String customerId, String currency, List<LineItem> items)
    implements OrderEvent {
  public static final String TYPE = "order-created";

  public OrderCreated {
    items = List.copyOf(items);
  }
}
