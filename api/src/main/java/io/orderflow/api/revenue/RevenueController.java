package io.orderflow.api.revenue;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.projection.RevenueDay;
import io.orderflow.projection.RevenueProjection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/revenue?day=&currency=}: what the orders created on a day (UTC) brought in, paid
 * minus refunded, per currency; from the revenue read model's active generation. Amounts are
 * decimal strings.
 */
@RestController
class RevenueController {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final RevenueProjection revenue;

  RevenueController(RevenueProjection revenue) {
    this.revenue = revenue;
  }

  record CurrencyView(String currency, String amount, String paid, String refunded, long orders) {}

  record DayView(String day, List<CurrencyView> currencies) {}

  @GetMapping("/api/revenue")
  DayView day(
      @RequestParam(required = false) String day, @RequestParam(required = false) String currency) {
    if (day == null || day.isBlank()) {
      throw new InvalidParameter("day", "is required: a UTC day, e.g. 2026-11-26");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter("day", "must be a day as yyyy-MM-dd");
    }
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new InvalidParameter("currency", "must be an ISO 4217 code such as EUR");
    }
    RevenueDay result = revenue.day(date, Optional.ofNullable(currency));
    return new DayView(
        result.day().toString(),
        result.currencies().stream()
            .map(
                c ->
                    new CurrencyView(
                        c.currency(),
                        c.amount().toPlainString(),
                        c.paid().toPlainString(),
                        c.refunded().toPlainString(),
                        c.orders()))
            .toList());
  }
}
