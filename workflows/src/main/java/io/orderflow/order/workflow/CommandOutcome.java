package io.orderflow.order.workflow;

import io.orderflow.order.Order;
import io.orderflow.order.OrderStatus;

/**
 * What an accepted command did: the status it left and the order as it is now.
 *
 * @param from the status before the command; null for a creation
 */
public record CommandOutcome(OrderStatus from, Order order) {}
