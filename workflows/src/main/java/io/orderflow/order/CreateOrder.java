package io.orderflow.order;

import java.util.List;

/** The command that places an order. Checked by {@link OrderDecisions#create}. */
public record CreateOrder(
    String orderId, String customerId, String currency, List<LineItem> items) {}
