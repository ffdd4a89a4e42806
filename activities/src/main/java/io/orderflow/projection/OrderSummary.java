package io.orderflow.projection;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the order-summary projection. */
public record OrderSummary(
    String orderId,
    String customerId,
    String status,
    String currency,
    BigDecimal total,
    long lastVersion,
    Instant createdAt,
    Instant updatedAt) {}
