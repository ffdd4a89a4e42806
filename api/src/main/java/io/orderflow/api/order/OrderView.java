package io.orderflow.api.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * An order as the API shows it. Amounts are decimal strings at the currency's precision; payment,
 * refund, shipment and cancellation fields appear once they apply.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(
    String orderId,
    String customerId,
    String status,
    String currency,
    List<Item> items,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountRefunded,
    String paymentId,
    String carrier,
    String trackingNumber,
    String cancelReason,
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
        order.paymentId() == null
            ? null
            : order.amountPaid().setScale(digits, RoundingMode.UNNECESSARY),
        order.amountRefunded().signum() == 0
            ? null
            : order.amountRefunded().setScale(digits, RoundingMode.UNNECESSARY),
        order.paymentId(),
        order.carrier(),
        order.trackingNumber(),
        order.cancelReason(),
        order.version(),
        order.createdAt(),
        order.updatedAt());
  }

  private static Item item(LineItem item, int digits) {
    return new Item(
        item.sku(), item.quantity(), item.unitPrice().setScale(digits, RoundingMode.UNNECESSARY));
  }
}
