package io.orderflow.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.control.ProjectionGenerations;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderRefunded;
import io.orderflow.order.RecordedEvent;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Revenue per day and currency, on the test dynalite. */
class RevenueProjectionTest {
  static final Instant MORNING = Instant.parse("2026-11-02T09:30:00Z");
  static final Instant NEXT_DAY = Instant.parse("2026-11-03T00:10:00Z");

  final StoreFixture fixture = new StoreFixture();
  final ProjectionGenerations generations =
      new ProjectionGenerations(fixture.dynamo, fixture.tables.control(), Duration.ZERO);
  final RevenueProjection revenue =
      new RevenueProjection(fixture.dynamo, fixture.tables, generations);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  @DisplayName(
      "a day sums what its paid orders brought in, per currency; unpaid orders add nothing")
  void sumsADay() {
    revenue.upsert(order(MORNING, "EUR", "20.00", null, 3));
    revenue.upsert(order(MORNING.plusSeconds(60), "EUR", "10.50", "5.50", 4));
    revenue.upsert(order(MORNING, "USD", "7.00", null, 3));
    revenue.upsert(order(MORNING, "EUR", null, null, 2)); // confirmed, not paid
    revenue.upsert(order(NEXT_DAY, "EUR", "99.00", null, 3));

    RevenueDay day = revenue.day(LocalDate.parse("2026-11-02"), Optional.empty());

    assertThat(day.currencies())
        .containsExactly(
            new RevenueDay.Currency(
                "EUR", new BigDecimal("25.00"), new BigDecimal("30.50"), new BigDecimal("5.50"), 2),
            new RevenueDay.Currency(
                "USD", new BigDecimal("7.00"), new BigDecimal("7.00"), BigDecimal.ZERO, 1));
    assertThat(revenue.day(LocalDate.parse("2026-11-02"), Optional.of("USD")).currencies())
        .extracting(RevenueDay.Currency::currency)
        .containsExactly("USD");
  }

  @Test
  @DisplayName("a row moves only forward by version: a late, older state changes nothing")
  void monotonic() {
    String id = UUID.randomUUID().toString();
    Order refunded = order(id, MORNING, "EUR", "20.00", "20.00", 4);
    Order paid = order(id, MORNING, "EUR", "20.00", null, 3);

    assertThat(revenue.upsert(refunded)).isTrue();
    assertThat(revenue.upsert(paid)).isFalse();
    assertThat(revenue.upsert(refunded)).isFalse();

    RevenueDay.Currency eur =
        revenue.day(LocalDate.parse("2026-11-02"), Optional.of("EUR")).currencies().get(0);
    assertThat(eur.amount()).isEqualByComparingTo("0");
    assertThat(eur.refunded()).isEqualByComparingTo("20.00");
  }

  @Test
  @DisplayName("reads and live writes follow the generation pointer, and reach the one being built")
  void followsTheGenerations() {
    String building = fixture.tables.revenue() + "-gen-t";
    fixture.dynamo.createTable(revenue.tableDefinition(building));
    while (fixture.dynamo.describeTable(r -> r.tableName(building)).table().tableStatus()
        != TableStatus.ACTIVE) {
      Thread.onSpinWait();
    }
    generations.startBuilding(
        RevenueProjection.NAME, revenue.configuredTable(), building, "op", null);

    revenue.upsert(order(MORNING, "EUR", "20.00", null, 3));

    LocalDate day = LocalDate.parse("2026-11-02");
    assertThat(revenue.day(day, Optional.empty()).currencies()).hasSize(1);
    generations.switchTo(
        RevenueProjection.NAME, revenue.configuredTable(), building, 0, "tester", Instant.now());
    assertThat(revenue.day(day, Optional.empty()).currencies()).hasSize(1);
    fixture.dynamo.deleteTable(r -> r.tableName(building));
  }

  static Order order(Instant createdAt, String currency, String paid, String refunded, int upTo) {
    return order(UUID.randomUUID().toString(), createdAt, currency, paid, refunded, upTo);
  }

  /** An order folded from its first {@code upTo} events: created, confirmed, paid, refunded. */
  static Order order(
      String id, Instant createdAt, String currency, String paid, String refunded, int upTo) {
    List<OrderEvent> events = new ArrayList<>();
    events.add(
        new OrderCreated(
            id, "customer-1", currency, List.of(new LineItem("sku", 1, new BigDecimal("1.00")))));
    events.add(new OrderConfirmed());
    events.add(new OrderPaid("pay", paid == null ? BigDecimal.ZERO : new BigDecimal(paid)));
    events.add(
        new OrderRefunded(refunded == null ? BigDecimal.ZERO : new BigDecimal(refunded), "r"));
    List<RecordedEvent> recorded = new ArrayList<>();
    for (int v = 1; v <= upTo; v++) {
      recorded.add(
          new RecordedEvent(
              v, UUID.randomUUID().toString(), createdAt.plusSeconds(v), events.get(v - 1)));
    }
    return Order.fold(id, recorded);
  }
}
