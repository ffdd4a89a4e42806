package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** The order was paid in full, in its currency. */
public record OrderPaid(
    String paymentId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount)
    implements OrderEvent {
  public static final String TYPE = "order-paid";
}
