package io.orderflow.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which: PENDING → CONFIRMED | CANCELLED; CONFIRMED → PAID | CANCELLED;
 * PAID → SHIPPED | REFUNDED; SHIPPED → DELIVERED; DELIVERED → REFUNDED. CANCELLED and REFUNDED are
 * final. An {@link OrderCorrected} is no transition: it restates money facts in any status.
 */
public final class OrderStateMachine {
  private static final Map<OrderStatus, Set<OrderStatus>> NEXT =
      Map.of(
          OrderStatus.PENDING, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
          OrderStatus.CONFIRMED, EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED),
          OrderStatus.PAID, EnumSet.of(OrderStatus.SHIPPED, OrderStatus.REFUNDED),
          OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED),
          OrderStatus.DELIVERED, EnumSet.of(OrderStatus.REFUNDED),
          OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class),
          OrderStatus.REFUNDED, EnumSet.noneOf(OrderStatus.class));

  private OrderStateMachine() {}

  public static boolean allows(OrderStatus from, OrderStatus to) {
    return from != null && NEXT.get(from).contains(to);
  }

  /**
   * Whether {@code event} may follow an order in status {@code from}: a transition to the status it
   * leads to, or a correction, which any existing order takes.
   */
  public static boolean accepts(OrderStatus from, OrderEvent event) {
    if (event instanceof OrderCorrected) {
      return from != null;
    }
    return allows(from, statusAfter(event));
  }

  /** The status an event other than a correction leads to. */
  static OrderStatus statusAfter(OrderEvent event) {
    if (event instanceof OrderConfirmed) {
      return OrderStatus.CONFIRMED;
    } else if (event instanceof OrderPaid) {
      return OrderStatus.PAID;
    } else if (event instanceof OrderShipped) {
      return OrderStatus.SHIPPED;
    } else if (event instanceof OrderDelivered) {
      return OrderStatus.DELIVERED;
    } else if (event instanceof OrderCancelled) {
      return OrderStatus.CANCELLED;
    } else if (event instanceof OrderRefunded) {
      return OrderStatus.REFUNDED;
    }
    return OrderStatus.PENDING;
  }

  /** Every status that may follow {@code from}. */
  public static Set<OrderStatus> next(OrderStatus from) {
    return Set.copyOf(NEXT.get(from));
  }
}
