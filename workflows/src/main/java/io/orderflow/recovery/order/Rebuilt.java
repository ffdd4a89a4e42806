package io.orderflow.recovery.order;

import io.orderflow.order.OrderInvariants;
import java.util.List;

/**
 * The order as a backup's commits fold it.
 *
 * @param status the order's status at {@code version}
 * @param violations the business rules its history breaks; empty when it is sound
 */
public record Rebuilt(long version, String status, List<OrderInvariants.Violation> violations) {}
