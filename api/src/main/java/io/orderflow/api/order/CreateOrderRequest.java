package io.orderflow.api.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/orders}. Amounts are decimal strings in the order's currency. The rules
 * live in the domain ({@code OrderDecisions}); this is only the wire shape.
 */
record CreateOrderRequest(
    String customerId,
    String currency,
    List<Item> items,
    Address shippingAddress,
    String customerEmail) {

  record Item(String sku, int quantity, BigDecimal unitPrice) {}

  record Address(String line1, String line2, String city, String postalCode, String country) {}
}
