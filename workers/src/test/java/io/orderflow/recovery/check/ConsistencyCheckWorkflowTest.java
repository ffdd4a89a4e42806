package io.orderflow.recovery.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.operations.OperationRecord;
import io.orderflow.order.Order;
import io.orderflow.recovery.Progress;
import io.orderflow.snapshot.OrderSnapshot;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The consistency check with its real activities against the test dynalite: real orders with real
 * hash chains, snapshots and projection rows, damaged in each of the ways the check looks for.
 */
class ConsistencyCheckWorkflowTest {
  static final int ORDERS = 20;

  final CheckHarness harness = new CheckHarness(ORDERS, false);

  @AfterEach
  void close() {
    harness.close();
  }

  CheckReport result(ConsistencyCheckWorkflow workflow) throws TimeoutException {
    return WorkflowStub.fromTyped(workflow).getResult(120, TimeUnit.SECONDS, CheckReport.class);
  }

  String order(int index) {
    return harness.orders.ids.get(index);
  }

  @Test
  @DisplayName("a healthy store is CLEAN: every order, snapshot and projection row checked")
  void healthyStoreIsClean() throws Exception {
    harness.startWorker(harness.activities(3, 0));

    ConsistencyCheckWorkflow workflow = harness.start("clean");
    CheckReport report = result(workflow);

    assertThat(report.outcome()).isEqualTo("CLEAN");
    assertThat(report.findingCount()).isZero();
    assertThat(report.orders()).isEqualTo(ORDERS);
    assertThat(report.commits()).isEqualTo(report.events()).isEqualTo(60); // 1+2+3+4+5 per 5
    assertThat(report.snapshotsCompared()).isEqualTo(7); // every third order: 0, 3, ... 18
    assertThat(report.projectionsCompared()).isEqualTo(ORDERS);
    assertThat(report.segments()).isEqualTo(3);
    assertThat(workflow.progress()).isEqualTo(new Progress("DONE", 5, 5));
    OperationRecord op = harness.registry.find("op-clean").orElseThrow();
    assertThat(op.kind()).isEqualTo("CONSISTENCY_CHECK");
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.result()).containsEntry("outcome", "CLEAN").containsEntry("findingCount", 0);
    assertThat(gauge("orderflow.consistency.last.run"))
        .isCloseTo(Instant.now().getEpochSecond(), offset(60.0));
  }

  @Test
  @DisplayName(
      "a deleted and an altered projection row, an altered snapshot, a broken chain, an altered"
          + " commit and commits left unpublished are each found, counted exactly and named")
  void damageIsFound() throws Exception {
    String rowDeleted = order(1);
    String rowAltered = order(2);
    String snapshotAltered = order(3);
    String commitAltered = order(4);
    String chainBroken = order(7);
    String unpublished = order(8);
    var dynamo = harness.orders.dynamo;
    String events = harness.orders.tables.events();
    String projections = harness.orders.tables.projections();
    dynamo.deleteItem(r -> r.tableName(projections).key(Map.of("orderId", s(rowDeleted))));
    dynamo.updateItem(
        r ->
            r.tableName(projections)
                .key(Map.of("orderId", s(rowAltered)))
                .updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("SHIPPED"))));
    Order folded = harness.orders.fold(events, snapshotAltered);
    harness.orders.snapshots.save(
        new OrderSnapshot(
            new Order(
                folded.orderId(),
                "someone-else",
                folded.status(),
                folded.currency(),
                folded.items(),
                folded.total(),
                folded.amountPaid(),
                folded.amountRefunded(),
                folded.paymentId(),
                folded.carrier(),
                folded.trackingNumber(),
                folded.cancelReason(),
                folded.version(),
                folded.createdAt(),
                folded.updatedAt()),
            Order.STATE_SCHEMA_VERSION,
            Instant.now()));
    set(events, commitAltered, 2, "commitId", "forged");
    set(events, chainBroken, 2, "prevHash", "0".repeat(64));
    set(events, unpublished, 1, "unpublished", "00");
    set(events, unpublished, 2, "unpublished", "00");
    harness.startWorker(harness.activities(2, 0));

    CheckReport report = result(harness.start("damaged"));

    Map<FindingKind, Long> expected = new EnumMap<>(FindingKind.class);
    for (FindingKind kind : FindingKind.values()) {
      expected.put(kind, 0L);
    }
    expected.put(FindingKind.PROJECTION_MISSING, 1L);
    expected.put(FindingKind.PROJECTION_MISMATCH, 1L);
    expected.put(FindingKind.SNAPSHOT_MISMATCH, 1L);
    expected.put(FindingKind.HASH_MISMATCH, 1L);
    expected.put(FindingKind.BROKEN_CHAIN, 1L);
    expected.put(FindingKind.STALE_UNPUBLISHED, 2L);
    assertThat(report.outcome()).isEqualTo("FINDINGS");
    assertThat(report.counts()).isEqualTo(expected);
    assertThat(report.findingCount()).isEqualTo(7);
    assertThat(report.findings())
        .extracting(Finding::kind, Finding::orderId)
        .containsExactlyInAnyOrder(
            tuple(FindingKind.PROJECTION_MISSING, rowDeleted),
            tuple(FindingKind.PROJECTION_MISMATCH, rowAltered),
            tuple(FindingKind.SNAPSHOT_MISMATCH, snapshotAltered),
            tuple(FindingKind.HASH_MISMATCH, commitAltered),
            tuple(FindingKind.BROKEN_CHAIN, chainBroken),
            tuple(FindingKind.STALE_UNPUBLISHED, unpublished),
            tuple(FindingKind.STALE_UNPUBLISHED, unpublished));
    assertThat(report.findings())
        .filteredOn(f -> f.kind() == FindingKind.PROJECTION_MISMATCH)
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).contains("status: row SHIPPED, fold PAID"));
    OperationRecord op = harness.registry.find("op-damaged").orElseThrow();
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.result()).containsEntry("outcome", "FINDINGS").containsEntry("findingCount", 7);
    assertThat(op.result().get("counts").toString()).contains("STALE_UNPUBLISHED=2");
    assertThat(gauge("orderflow.consistency.findings", "PROJECTION_MISSING")).isEqualTo(1.0);
    assertThat(gauge("orderflow.consistency.findings", "STALE_UNPUBLISHED")).isEqualTo(2.0);
    assertThat(gauge("orderflow.consistency.findings", "GAP")).isZero();
    harness.record("check-damaged", "consistency-check-findings.json");
  }

  @Test
  @DisplayName("commits younger than the threshold are neither stale nor owed to the projection")
  void youngCommitsAreNotJudged() throws Exception {
    String unpublished = order(5);
    String rowDeleted = order(6);
    set(harness.orders.tables.events(), unpublished, 1, "unpublished", "00");
    harness.orders.dynamo.deleteItem(
        r ->
            r.tableName(harness.orders.tables.projections()).key(Map.of("orderId", s(rowDeleted))));
    harness.startWorker(harness.activities(2, 3600)); // the orders are seconds old

    CheckReport report = result(harness.start("young"));

    assertThat(report.outcome()).isEqualTo("CLEAN");
    assertThat(report.staleAfterSeconds()).isEqualTo(3600);
  }

  @Test
  @DisplayName("a check cancelled mid-scan records CANCELLED, phase CANCELLED")
  void cancelledCheckRecordsCancelled() throws Exception {
    HeldScan held = new HeldScan(harness.activities(2, 0));
    harness.startWorker(held);

    ConsistencyCheckWorkflow workflow = harness.start("cancelled");
    assertThat(held.scanning.await(60, TimeUnit.SECONDS)).isTrue();
    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> result(workflow))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    OperationRecord op = harness.registry.find("op-cancelled").orElseThrow();
    assertThat(op.status()).isEqualTo("CANCELLED");
    assertThat(op.phase()).isEqualTo("CANCELLED");
    assertThat(op.result()).containsEntry("outcome", "CANCELLED");
    assertThat(harness.verdicts.read()).isEmpty(); // a cancelled check is no verdict
    harness.record("check-cancelled", "consistency-check-cancelled.json");
  }

  private double gauge(String name, String kind) {
    return harness.meters.get(name).tag("kind", kind).gauge().value();
  }

  private double gauge(String name) {
    return harness.meters.get(name).gauge().value();
  }

  private void set(String table, String orderId, long version, String attribute, String value) {
    harness.orders.dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(
                    Map.of(
                        "orderId",
                        s(orderId),
                        "version",
                        AttributeValue.fromN(Long.toString(version))))
                .updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", s(value))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  /** Segment scans that wait, heartbeating, until cancelled: a check caught half-way. */
  static final class HeldScan implements ConsistencyCheckActivities {
    final CountDownLatch scanning = new CountDownLatch(1);
    private final ConsistencyCheckActivities real;

    HeldScan(ConsistencyCheckActivities real) {
      this.real = real;
    }

    @Override
    public CheckSettings checkSettings() {
      return real.checkSettings();
    }

    @Override
    public SegmentCheck checkSegment(SegmentCheckRequest request) {
      scanning.countDown();
      var context = Activity.getExecutionContext();
      Instant until = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(until)) {
        context.heartbeat(null); // throws once the workflow is cancelled
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return real.checkSegment(request);
    }

    @Override
    public void recordCheckVerdict(CheckReport report) {
      real.recordCheckVerdict(report);
    }
  }
}
