package io.orderflow.check;

import io.orderflow.order.Order;
import io.orderflow.projection.OrderSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An order-summary row held against the fold of the order's events, field by field. */
final class ProjectionComparison {
  private ProjectionComparison() {}

  /** Each field that differs, as {@code name: row X, fold Y}; empty when the row is right. */
  static List<String> differences(OrderSummary row, Order fold) {
    List<String> out = new ArrayList<>();
    same(out, "status", row.status(), fold.status() == null ? null : fold.status().name());
    same(out, "customerId", row.customerId(), fold.customerId());
    same(out, "currency", row.currency(), fold.currency());
    sameAmount(out, row.total(), fold.total());
    same(out, "lastVersion", row.lastVersion(), fold.version());
    same(out, "createdAt", row.createdAt(), fold.createdAt());
    same(out, "updatedAt", row.updatedAt(), fold.updatedAt());
    return out;
  }

  private static void same(List<String> out, String field, Object row, Object fold) {
    if (!Objects.equals(row, fold)) {
      out.add(field + ": row " + row + ", fold " + fold);
    }
  }

  // "30.00" and "30.0" are the same amount
  private static void sameAmount(List<String> out, BigDecimal row, BigDecimal fold) {
    if (row == null || fold == null ? row != fold : row.compareTo(fold) != 0) {
      out.add("total: row " + row + ", fold " + fold);
    }
  }
}
