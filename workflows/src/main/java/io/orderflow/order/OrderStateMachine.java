package io.orderflow.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which: PENDING → CONFIRMED | CANCELLED; CONFIRMED → PAID | CANCELLED;
 * PAID → SHIPPED | REFUNDED; SHIPPED → DELIVERED; DELIVERED → REFUNDED. CANCELLED and REFUNDED are
 * final.
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

  /** Every status that may follow {@code from}. */
  public static Set<OrderStatus> next(OrderStatus from) {
    return Set.copyOf(NEXT.get(from));
  }
}
