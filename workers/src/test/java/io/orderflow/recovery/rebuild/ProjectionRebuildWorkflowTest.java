package io.orderflow.recovery.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.control.ProjectionGenerations;
import io.orderflow.operations.OperationRecord;
import io.orderflow.order.Order;
import io.orderflow.order.OrderDelivered;
import io.orderflow.order.OrderShipped;
import io.orderflow.order.OrderStatus;
import io.orderflow.projection.OrderSummary;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.RevenueDay;
import io.orderflow.projection.RevenueProjection;
import io.orderflow.projection.SummaryPage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The projection rebuild with its real activities against the test dynalite: real orders, a damaged
 * read model, a new generation built from the events, caught up and swapped in.
 */
class ProjectionRebuildWorkflowTest {
  static final int ORDERS = 24;
  static final String SUMMARY = OrderSummaryProjection.NAME;

  final RebuildHarness harness = new RebuildHarness(new LiveOrders().create(ORDERS));
  final LiveOrders orders = harness.orders;

  @AfterEach
  void close() {
    harness.close();
  }

  ProjectionGenerations.Generation summaryGeneration() {
    return orders.generations.read(SUMMARY, orders.tables.projections());
  }

  /** Every order's summary as the active generation serves it, against the fold of its events. */
  void assertEverySummaryMatchesTheEvents() {
    for (String id : orders.ids) {
      Order fold = orders.fold(id);
      OrderSummary row = orders.summary.get(id).orElseThrow(() -> new AssertionError(id));
      assertThat(row)
          .as(id)
          .isEqualTo(
              new OrderSummary(
                  id,
                  fold.customerId(),
                  fold.status().name(),
                  fold.currency(),
                  fold.total(),
                  fold.version(),
                  fold.createdAt(),
                  fold.updatedAt()));
    }
  }

  @Test
  @DisplayName(
      "a rebuild repairs a deleted and an altered row in a new generation, swaps to it and keeps"
          + " the old one, untouched, for rollback")
  void repairsDeletedAndAlteredRows() throws Exception {
    harness.start(harness.activities);
    String deleted = orders.ids.get(1);
    String altered = orders.ids.get(3);
    String live = orders.tables.projections();
    orders.dynamo.deleteItem(
        r -> r.tableName(live).key(Map.of("orderId", AttributeValue.fromS(deleted))));
    orders.dynamo.updateItem(
        r ->
            r.tableName(live)
                .key(Map.of("orderId", AttributeValue.fromS(altered)))
                .updateExpression("SET #s = :s, #t = :t")
                .expressionAttributeNames(Map.of("#s", "status", "#t", "total"))
                .expressionAttributeValues(
                    Map.of(
                        ":s", AttributeValue.fromS("CANCELLED"), ":t", AttributeValue.fromS("0"))));

    RebuildReport report = harness.rebuild("s1", SUMMARY);

    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertThat(report.generation()).isEqualTo(live + "-gen-s1");
    assertThat(report.scanned().orders()).isEqualTo(ORDERS);
    assertThat(report.scanned().rows()).isEqualTo(ORDERS);
    assertThat(report.scanned().commits()).isEqualTo(orders.commits());
    assertThat(report.unfoldable()).isZero();
    ProjectionGenerations.Generation now = summaryGeneration();
    assertThat(now.table()).isEqualTo(live + "-gen-s1");
    assertThat(now.previousTable()).isEqualTo(live);
    assertThat(now.revision()).isEqualTo(1);
    assertThat(now.building()).isNull();
    assertEverySummaryMatchesTheEvents();
    // the old generation is kept as it was, damage included
    Map<String, Map<String, AttributeValue>> old = orders.rows(live);
    assertThat(old).doesNotContainKey(deleted).hasSize(ORDERS - 1);
    assertThat(old.get(altered).get("status").s()).isEqualTo("CANCELLED");
    OperationRecord op = harness.registry.find("op-s1").orElseThrow();
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.result()).containsEntry("outcome", "SWAPPED");
    harness.record(
        ProjectionRebuildWorkflow.workflowId(SUMMARY, "s1"), "projection-rebuild-swapped.json");
  }

  @Test
  @DisplayName("a rebuild brings back a read model whose table was dropped")
  void repairsADroppedTable() throws Exception {
    harness.start(harness.activities);
    orders.dynamo.deleteTable(r -> r.tableName(orders.tables.projections()));

    RebuildReport report = harness.rebuild("s2", SUMMARY);

    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertEverySummaryMatchesTheEvents();
    SummaryPage delivered =
        orders.summary.find(Optional.of("DELIVERED"), Optional.empty(), 100, Optional.empty());
    assertThat(delivered.orders()).hasSize(ORDERS / 6); // lifecycle 4 of every 6
  }

  @Test
  @DisplayName(
      "orders written during the rebuild, before its catch-up and between catch-up and swap, are"
          + " in the new generation")
  void ordersWrittenDuringTheRebuildAreInTheNewGeneration() throws Exception {
    CountDownLatch scanned = new CountDownLatch(1);
    CountDownLatch releaseCatchUp = new CountDownLatch(1);
    CountDownLatch caughtUp = new CountDownLatch(1);
    CountDownLatch releaseSwap = new CountDownLatch(1);
    harness.start(
        new ForwardingRebuildActivities(harness.activities) {
          @Override
          public CaughtUp catchUp(CatchUpRequest request) {
            scanned.countDown();
            hold(releaseCatchUp);
            return super.catchUp(request);
          }

          @Override
          public Swapped swap(SwapRequest request) {
            caughtUp.countDown();
            hold(releaseSwap);
            return super.swap(request);
          }
        });
    String live = orders.tables.projections();
    String paid = orders.ids.get(2); // PAID
    String shipped = orders.ids.get(3); // SHIPPED

    ProjectionRebuildWorkflow workflow = harness.start("s3", SUMMARY, RebuildAction.REBUILD, false);
    assertThat(scanned.await(60, TimeUnit.SECONDS)).isTrue();
    // after the scan, before the catch-up: one order created live, and one commit whose live
    // projection never ran (its projection call still retrying somewhere)
    String createdBeforeCatchUp = orders.order(3);
    orders.commit(paid, new OrderShipped("ups", "1Z"), false);
    releaseCatchUp.countDown();
    assertThat(caughtUp.await(60, TimeUnit.SECONDS)).isTrue();
    // after the catch-up, before the swap: live writes reach both generations
    String createdBeforeSwap = orders.order(4);
    orders.commit(shipped, new OrderDelivered(), true);
    assertThat(summaryGeneration().table()).as("still serving the old generation").isEqualTo(live);
    releaseSwap.countDown();

    RebuildReport report = RebuildHarness.result(workflow);

    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertThat(report.caughtUp().orders()).isGreaterThanOrEqualTo(2);
    assertThat(orders.ids).contains(createdBeforeCatchUp, createdBeforeSwap);
    assertEverySummaryMatchesTheEvents();
    assertThat(orders.summary.get(paid).orElseThrow().status()).isEqualTo("SHIPPED");
    assertThat(orders.summary.get(shipped).orElseThrow().status()).isEqualTo("DELIVERED");
    // the old generation took only what was projected live
    Map<String, Map<String, AttributeValue>> old = orders.rows(live);
    assertThat(old.get(paid).get("status").s()).isEqualTo("PAID");
    assertThat(old).containsKeys(createdBeforeCatchUp, createdBeforeSwap);
  }

  @Test
  @DisplayName("the revenue read model is rebuilt by name like any other, and sums a day")
  void rebuildsRevenue() throws Exception {
    harness.start(harness.activities);
    String revenueTable = orders.tables.revenue();
    String refunded = orders.ids.get(5);
    Order fold = orders.fold(refunded);
    String key = RevenueProjection.day(fold) + "#EUR";
    orders.dynamo.updateItem(
        r ->
            r.tableName(revenueTable)
                .key(
                    Map.of(
                        "dayCurrency", AttributeValue.fromS(key),
                        "orderId", AttributeValue.fromS(refunded)))
                .updateExpression("SET paid = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("999.00"))));

    RebuildReport report = harness.rebuild("s4", RevenueProjection.NAME);

    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertThat(report.scanned().orders()).isEqualTo(ORDERS);
    // paid orders only: lifecycles 2..5 of every 6
    assertThat(report.scanned().rows()).isEqualTo(ORDERS / 6 * 4);
    assertThat(orders.generations.read(RevenueProjection.NAME, revenueTable).table())
        .isEqualTo(revenueTable + "-gen-s4");
    assertThat(summaryGeneration().revision()).as("the order summary is left alone").isZero();
    RevenueDay day = orders.revenue.day(RevenueProjection.day(fold), Optional.empty());
    // per 6 orders: 3 paid in EUR (30 each, one with 10 refunded) and one in USD
    int sixes = ORDERS / 6;
    assertThat(day.currencies())
        .containsExactly(
            new RevenueDay.Currency(
                "EUR",
                new BigDecimal("80.00").multiply(BigDecimal.valueOf(sixes)),
                new BigDecimal("90.00").multiply(BigDecimal.valueOf(sixes)),
                new BigDecimal("10.00").multiply(BigDecimal.valueOf(sixes)),
                3L * sixes),
            new RevenueDay.Currency(
                "USD",
                new BigDecimal("30.00").multiply(BigDecimal.valueOf(sixes)),
                new BigDecimal("30.00").multiply(BigDecimal.valueOf(sixes)),
                BigDecimal.ZERO,
                sixes));
  }

  @Test
  @DisplayName("a dry run builds and catches up a generation, reports it and drops it")
  void dryRunChangesNothing() throws Exception {
    harness.start(harness.activities);

    RebuildReport report =
        RebuildHarness.result(harness.start("s5", SUMMARY, RebuildAction.REBUILD, true));

    assertThat(report.outcome()).isEqualTo("DRY_RUN");
    assertThat(report.scanned().orders()).isEqualTo(ORDERS);
    assertThat(orders.tableNames()).doesNotContain(report.generation());
    ProjectionGenerations.Generation now = summaryGeneration();
    assertThat(now.table()).isEqualTo(orders.tables.projections());
    assertThat(now.revision()).isZero();
    assertThat(now.building()).isNull();
    assertThat(orders.summary.get(orders.ids.get(0)).orElseThrow().status())
        .isEqualTo(OrderStatus.PENDING.name());
  }
}
