package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** Money went back to the customer; the order is final. */
public record OrderRefunded(
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String reason)
    implements OrderEvent {
  public static final String TYPE = "order-refunded";
}
