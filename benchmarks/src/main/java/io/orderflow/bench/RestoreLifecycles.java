package io.orderflow.bench;

import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderDelivered;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderRefunded;
import io.orderflow.order.OrderShipped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The histories of a shop's orders, 1 to 6 events each, every one legal under the order rules. Out
 * of 20 orders: 2 pending, 2 cancelled at once, 1 cancelled after confirmation, 3 paid, 3 shipped,
 * 7 delivered, 1 refunded after payment, 1 refunded after delivery (3.75 events on average).
 */
final class RestoreLifecycles {
  private enum Ending {
    PENDING(1),
    CANCELLED(2),
    CANCELLED_CONFIRMED(3),
    PAID(3),
    SHIPPED(4),
    DELIVERED(5),
    REFUNDED_PAID(4),
    REFUNDED_DELIVERED(6);

    final int events;

    Ending(int events) {
      this.events = events;
    }
  }

  private static final Ending[] MIX = {
    Ending.PENDING,
    Ending.PENDING,
    Ending.CANCELLED,
    Ending.CANCELLED,
    Ending.CANCELLED_CONFIRMED,
    Ending.PAID,
    Ending.PAID,
    Ending.PAID,
    Ending.SHIPPED,
    Ending.SHIPPED,
    Ending.SHIPPED,
    Ending.DELIVERED,
    Ending.DELIVERED,
    Ending.DELIVERED,
    Ending.DELIVERED,
    Ending.DELIVERED,
    Ending.DELIVERED,
    Ending.DELIVERED,
    Ending.REFUNDED_PAID,
    Ending.REFUNDED_DELIVERED
  };

  private static final String[] SKUS = {
    "SKU-BOOK-0001", "SKU-MUG-0042", "SKU-TEA-0815", "SKU-PEN-0007", "SKU-LAMP-0300"
  };

  private RestoreLifecycles() {}

  /** How many events the {@code index}-th order's full history holds. */
  static int length(int index) {
    return ending(index).events;
  }

  /** The {@code index}-th order's full history. */
  static List<OrderEvent> of(int index, String orderId) {
    List<LineItem> items = new ArrayList<>();
    for (int line = 0; line <= index % 3; line++) {
      items.add(
          new LineItem(
              SKUS[(index + line) % SKUS.length],
              1 + (index + line) % 4,
              new BigDecimal(String.format("%d.%02d", 3 + (index * 7 + line) % 40, index % 100))));
    }
    BigDecimal total =
        items.stream().map(LineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<OrderEvent> events = new ArrayList<>();
    events.add(new OrderCreated(orderId, "customer-" + (index % 997), "EUR", items));
    Ending ending = ending(index);
    switch (ending) {
      case PENDING -> {}
      case CANCELLED -> events.add(new OrderCancelled("customer changed their mind"));
      case CANCELLED_CONFIRMED -> {
        events.add(new OrderConfirmed());
        events.add(new OrderCancelled(OrderCancelled.PAYMENT_TIMEOUT));
      }
      default -> {
        events.add(new OrderConfirmed());
        events.add(new OrderPaid("pay-" + orderId, total));
        if (ending == Ending.REFUNDED_PAID) {
          events.add(new OrderRefunded(total, "out of stock"));
        } else if (ending != Ending.PAID) {
          events.add(new OrderShipped("dhl", "JD0146" + String.format("%012d", index)));
          if (ending != Ending.SHIPPED) {
            events.add(new OrderDelivered());
          }
          if (ending == Ending.REFUNDED_DELIVERED) {
            events.add(new OrderRefunded(total, "returned"));
          }
        }
      }
    }
    return events;
  }

  private static Ending ending(int index) {
    return MIX[index % MIX.length];
  }
}
