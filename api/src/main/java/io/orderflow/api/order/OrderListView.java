package io.orderflow.api.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.projection.OrderSummary;
import io.orderflow.projection.SummaryPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A page of the order list, from the order-summary projection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderListView(List<Summary> orders, String nextPageToken) {

  record Summary(
      String orderId,
      String customerId,
      String status,
      String currency,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  static OrderListView of(SummaryPage page) {
    return new OrderListView(
        page.orders().stream().map(OrderListView::summary).toList(),
        page.nextPageToken().orElse(null));
  }

  private static Summary summary(OrderSummary s) {
    return new Summary(
        s.orderId(),
        s.customerId(),
        s.status(),
        s.currency(),
        s.total(),
        s.lastVersion(),
        s.createdAt(),
        s.updatedAt());
  }
}
