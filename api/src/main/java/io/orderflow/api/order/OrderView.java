package io.orderflow.api.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** An order as the API shows it. Amounts are decimal strings at the currency's precision. */
record OrderView(
    String orderId,
    String customerId,
    String status,
    String currency,
    List<Item> items,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  record Item(
      String sku,
      int quantity,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice) {}

  static OrderView of(Order order) {
    int digits = Currency.getInstance(order.currency()).getDefaultFractionDigits();
    return new OrderView(
        order.orderId(),
        order.customerId(),
        order.status().name(),
        order.currency(),
        order.items().stream().map(i -> item(i, digits)).toList(),
        order.total().setScale(digits, RoundingMode.UNNECESSARY),
        order.version(),
        order.createdAt(),
        order.updatedAt());
  }

  private static Item item(LineItem item, int digits) {
    return new Item(
        item.sku(), item.quantity(), item.unitPrice().setScale(digits, RoundingMode.UNNECESSARY));
  }
}
