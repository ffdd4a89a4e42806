package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** One line of an order: a SKU, how many, and the price of one, in the order's currency. */
public record LineItem(
    String sku, int quantity, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice) {

  /** quantity × unitPrice. */
  public BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
