package io.orderflow.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;

/** A command on an existing order. {@link OrderDecisions#decide} says what it causes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrderCommand.Confirm.class, name = "confirm"),
  @JsonSubTypes.Type(value = OrderCommand.Pay.class, name = "pay"),
  @JsonSubTypes.Type(value = OrderCommand.Ship.class, name = "ship"),
  @JsonSubTypes.Type(value = OrderCommand.Deliver.class, name = "deliver"),
  @JsonSubTypes.Type(value = OrderCommand.Cancel.class, name = "cancel"),
  @JsonSubTypes.Type(value = OrderCommand.Refund.class, name = "refund")
})
public sealed interface OrderCommand {
  /** The verb, as the API names it: {@code /api/orders/{id}/<name>}. */
  String name();

  /** The status the command leads to when it is accepted. */
  OrderStatus target();

  record Confirm() implements OrderCommand {
    @Override
    public String name() {
      return "confirm";
    }

    @Override
    public OrderStatus target() {
      return OrderStatus.CONFIRMED;
    }
  }

  record Pay(String paymentId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount)
      implements OrderCommand {
    @Override
    public String name() {
      return "pay";
    }

    @Override
    public OrderStatus target() {
      return OrderStatus.PAID;
    }
  }

  record Ship(String carrier, String trackingNumber) implements OrderCommand {
    @Override
    public String name() {
      return "ship";
    }

    @Override
    public OrderStatus target() {
      return OrderStatus.SHIPPED;
    }
  }

  record Deliver() implements OrderCommand {
    @Override
    public String name() {
      return "deliver";
    }

    @Override
    public OrderStatus target() {
      return OrderStatus.DELIVERED;
    }
  }

  record Cancel(String reason) implements OrderCommand {
    @Override
    public String name() {
      return "cancel";
    }

    @Override
    public OrderStatus target() {
      return OrderStatus.CANCELLED;
    }
  }

  record Refund(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String reason)
      implements OrderCommand {
    @Override
    public String name() {
      return "refund";
    }

    @Override
    public OrderStatus target() {
      return OrderStatus.REFUNDED;
    }
  }
}
