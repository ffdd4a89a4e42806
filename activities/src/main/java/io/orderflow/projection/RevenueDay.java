package io.orderflow.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the orders created on a day brought in, per currency. */
public record RevenueDay(LocalDate day, List<Currency> currencies) {

  /**
   * @param amount paid minus refunded
   * @param orders paid orders created that day
   */
  public record Currency(
      String currency, BigDecimal amount, BigDecimal paid, BigDecimal refunded, long orders) {}
}
