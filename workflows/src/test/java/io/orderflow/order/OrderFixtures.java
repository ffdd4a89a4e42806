package io.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Commands and events the order tests start from. */
public final class OrderFixtures {
  public static final String ORDER_ID = "o-1";
  public static final Instant CREATED_AT = Instant.parse("2025-03-01T10:15:30Z");

  private OrderFixtures() {}

  /** A valid order: two lines, 2 × 12.50 + 1 × 3.99 = 28.99 EUR. */
  public static CreateOrder validCreate(String orderId) {
    return new CreateOrder(
        orderId,
        "c-42",
        "EUR",
        List.of(
            new LineItem("SKU-BOOK", 2, new BigDecimal("12.50")),
            new LineItem("SKU-PEN", 1, new BigDecimal("3.99"))));
  }

  public static CreateOrder validCreate() {
    return validCreate(ORDER_ID);
  }

  public static CreateOrder withItems(List<LineItem> items) {
    CreateOrder valid = validCreate();
    return new CreateOrder(valid.orderId(), valid.customerId(), valid.currency(), items);
  }

  public static CreateOrder withCurrency(String currency) {
    CreateOrder valid = validCreate();
    return new CreateOrder(valid.orderId(), valid.customerId(), currency, valid.items());
  }

  public static CreateOrder withCustomer(String customerId) {
    CreateOrder valid = validCreate();
    return new CreateOrder(valid.orderId(), customerId, valid.currency(), valid.items());
  }

  public static CreateOrder withItem(LineItem item) {
    return withItems(List.of(item));
  }

  /** The state of an order that was created from {@link #validCreate()}. */
  public static Order createdOrder() {
    return Order.fold(
        ORDER_ID, List.of(recorded(1, new OrderCreated(ORDER_ID, "c-42", "EUR", items()))));
  }

  public static RecordedEvent recorded(long version, OrderEvent event) {
    return new RecordedEvent(version, "e-" + version, CREATED_AT.plusSeconds(version - 1), event);
  }

  private static List<LineItem> items() {
    return validCreate().items();
  }
}
