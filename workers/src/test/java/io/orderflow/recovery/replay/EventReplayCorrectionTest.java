package io.orderflow.recovery.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderRefunded;
import io.orderflow.order.OrderShipped;
import io.orderflow.order.OrderStatus;
import io.orderflow.projection.RevenueDay;
import io.orderflow.projection.RevenueProjection;
import io.temporal.testing.WorkflowReplayer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Corrective events, against the test dynalite and fauxqs: a shipped bug let a refund above what
 * was paid into one history, and a shipment before payment into another. Replay reports the first
 * as a correction to append and the second as needing an operator; a real run appends exactly one
 * {@code order-corrected} event, publishes it, and brings snapshot and read models up to it; a
 * second run appends nothing.
 */
class EventReplayCorrectionTest {
  final CorrectionHarness harness = new CorrectionHarness();
  final String overRefunded =
      harness.written(
          "order-over-" + UUID.randomUUID(),
          created("c-1"),
          new OrderConfirmed(),
          new OrderPaid("pay-1", new BigDecimal("30.00")),
          new OrderRefunded(new BigDecimal("45.00"), "the bug let it through"));
  final String shippedUnpaid =
      harness.written(
          "order-unpaid-" + UUID.randomUUID(),
          created("c-2"),
          new OrderConfirmed(),
          new OrderShipped("dhl", "t-2"));
  final List<String> both = List.of(overRefunded, shippedUnpaid);

  /** The order-created event; the harness names the order. */
  static Function<String, OrderEvent> created(String customer) {
    return orderId ->
        new OrderCreated(
            orderId, customer, "EUR", List.of(new LineItem("sku-1", 3, new BigDecimal("10.00"))));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  List<StoredCommit> commits(String orderId) {
    return harness.orders.store.readCommits(orderId);
  }

  HistoryCorrection correctionOf(ReplayReport report, String orderId) {
    return report.totals().corrections().listed().stream()
        .filter(c -> c.orderId().equals(orderId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "a dry run reports the exact correction and the order needing an operator, and changes"
          + " nothing")
  void dryRunReportsTheCorrection() throws Exception {
    harness.start(harness.topic.topicArn());

    ReplayReport report = harness.replay("replay-dry-correction", both, true);

    assertThat(report.totals().corrections().listed())
        .containsExactly(
            new HistoryCorrection(
                overRefunded,
                4,
                "refund-within-paid",
                "refund of 45.00 with 30.00 refundable",
                CorrectionOutcome.WOULD_APPEND,
                "refund of 45.00 EUR exceeded the 30.00 EUR refundable; capped",
                null,
                "30.00",
                0,
                null),
            new HistoryCorrection(
                shippedUnpaid,
                3,
                "legal-transition",
                "OrderShipped on an order that is CONFIRMED",
                CorrectionOutcome.NEEDS_OPERATOR,
                "no automatic correction for legal-transition; an operator decides",
                null,
                null,
                0,
                null));
    assertThat(report.totals().corrections().wouldAppend()).isEqualTo(1);
    assertThat(report.totals().corrections().needingOperator()).isEqualTo(1);
    assertThat(report.totals().corrections().appended()).isZero();
    assertThat(commits(overRefunded)).hasSize(4);
    assertThat(commits(shippedUnpaid)).hasSize(3);
    assertThat(harness.delivered()).isEmpty();
  }

  @Test
  @DisplayName(
      "a real run appends one order-corrected event on an intact chain, publishes it once, and"
          + " snapshot, summary and revenue show the corrected amounts; a second run appends"
          + " nothing")
  void realRunAppendsOneCorrection() throws Exception {
    harness.start(harness.topic.topicArn());

    ReplayReport report = harness.replay("replay-correction", both, false);

    HistoryCorrection appended = correctionOf(report, overRefunded);
    assertThat(appended.outcome()).isEqualTo(CorrectionOutcome.APPENDED);
    assertThat(appended.appendedVersion()).isEqualTo(5);
    assertThat(appended.published()).isTrue();
    assertThat(correctionOf(report, shippedUnpaid).outcome())
        .isEqualTo(CorrectionOutcome.NEEDS_OPERATOR);
    List<StoredCommit> commits = commits(overRefunded);
    assertThat(commits).hasSize(5);
    StoredCommit correction = commits.get(4);
    assertThat(correction.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo("order-corrected");
              assertThat(e.data())
                  .contains("\"amountRefunded\":\"30.00\"")
                  .doesNotContain("amountPaid");
            });
    assertThat(correction.metadata().causationId()).isEqualTo("op-replay-correction");
    assertThat(correction.metadata().workflowId()).isEqualTo("replay-correction");
    assertThat(correction.unpublished()).isFalse();
    assertThat(harness.orders.store.verify(overRefunded)).isEmpty();
    List<JsonNode> delivered = harness.delivered();
    assertThat(delivered)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("type").asText()).isEqualTo("order-corrected");
              assertThat(m.get("orderId").asText()).isEqualTo(overRefunded);
              assertThat(m.get("version").asLong()).isEqualTo(5);
            });
    Order snapshot =
        harness.orders.snapshots.decode(
            harness.orders.snapshots.latest(overRefunded).orElseThrow());
    assertThat(snapshot.version()).isEqualTo(5);
    assertThat(snapshot.amountRefunded()).isEqualByComparingTo("30.00");
    assertThat(snapshot.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(harness.projection.get(overRefunded).orElseThrow().lastVersion()).isEqualTo(5);
    RevenueDay.Currency eur = revenueToday();
    assertThat(eur.paid()).isEqualByComparingTo("30.00");
    assertThat(eur.refunded()).isEqualByComparingTo("30.00");
    assertThat(eur.amount()).isEqualByComparingTo("0");
    assertThat(commits(shippedUnpaid)).hasSize(3);
    assertThat(
            harness
                .meters
                .get("orderflow.replay.corrections")
                .tag("outcome", "appended")
                .counter()
                .count())
        .isEqualTo(1);

    ReplayReport again = harness.replay("replay-correction-again", both, false);

    assertThat(again.totals().corrections().appended()).isZero();
    assertThat(again.totals().corrections().listed())
        .extracting(HistoryCorrection::orderId)
        .containsExactly(shippedUnpaid);
    assertThat(commits(overRefunded)).hasSize(5);
    assertThat(harness.delivered()).isEmpty();
    ReplayReport dry = harness.replay("replay-correction-after", List.of(overRefunded), true);
    assertThat(dry.totals().changed()).isEmpty();

    harness.record("replay-correction", "replay-corrective-event.json");
    WorkflowReplayer.replayWorkflowExecution(
        harness.env.getWorkflowClient().fetchHistory("replay-correction"),
        EventReplayWorkflowImpl.class);
  }

  @Test
  @DisplayName(
      "a correction whose publication fails stays appended, reported unpublished, with its"
          + " unpublished marker left for the republish runbook")
  void failedPublicationLeavesTheMarker() throws Exception {
    harness.start("arn:aws:sns:us-east-1:000000000000:no-such-topic.fifo");

    ReplayReport report = harness.replay("replay-correction-unpublished", both, false);

    HistoryCorrection appended = correctionOf(report, overRefunded);
    assertThat(appended.outcome()).isEqualTo(CorrectionOutcome.APPENDED);
    assertThat(appended.published()).isFalse();
    assertThat(report.totals().corrections().unpublished()).isEqualTo(1);
    assertThat(commits(overRefunded).get(4).unpublished()).isTrue();
    assertThat(
            harness
                .orders
                .snapshots
                .decode(harness.orders.snapshots.latest(overRefunded).orElseThrow())
                .version())
        .isEqualTo(5);
  }

  RevenueDay.Currency revenueToday() {
    Order order = harness.orders.fold(harness.orders.tables.events(), overRefunded);
    LocalDate day = RevenueProjection.day(order);
    return harness.revenue().day(day, Optional.of("EUR")).currencies().get(0);
  }
}
