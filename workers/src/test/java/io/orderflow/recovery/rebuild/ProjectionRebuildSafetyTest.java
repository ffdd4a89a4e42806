package io.orderflow.recovery.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.control.ProjectionGenerations;
import io.orderflow.operations.OperationRecord;
import io.orderflow.order.OrderDelivered;
import io.orderflow.projection.OrderSummaryProjection;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What goes wrong around a rebuild: it is cancelled, its scan loses DynamoDB half-way, another
 * rebuild runs, the operator rolls back and drops; and the live read model is never the worse for
 * it.
 */
class ProjectionRebuildSafetyTest {
  static final int ORDERS = 30;
  static final String SUMMARY = OrderSummaryProjection.NAME;

  final DropsOneScan fault = new DropsOneScan();
  final RebuildHarness harness = new RebuildHarness(new LiveOrders(client(fault)).create(ORDERS));
  final LiveOrders orders = harness.orders;

  @AfterEach
  void close() {
    harness.close();
  }

  ProjectionGenerations.Generation summaryGeneration() {
    return orders.generations.read(SUMMARY, orders.tables.projections());
  }

  @Test
  @DisplayName(
      "a rebuild cancelled mid-scan leaves the live read model as live writes left it, and drops"
          + " its new generation")
  void cancelLeavesTheLiveReadModelAndDropsTheGeneration() throws Exception {
    CountDownLatch scanning = new CountDownLatch(1);
    harness.start(
        new ForwardingRebuildActivities(harness.activities) {
          @Override
          public SegmentRebuilt rebuildSegment(SegmentRequest request) {
            scanning.countDown();
            hold(new CountDownLatch(1));
            return super.rebuildSegment(request);
          }
        });
    String live = orders.tables.projections();
    String generation = live + "-gen-c1";

    ProjectionRebuildWorkflow workflow = harness.start("c1", SUMMARY, RebuildAction.REBUILD, false);
    assertThat(scanning.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(orders.tableNames()).contains(generation);
    assertThat(summaryGeneration().building()).isEqualTo(generation);
    orders.commit(orders.ids.get(3), new OrderDelivered(), true); // served live meanwhile
    Map<String, Map<String, AttributeValue>> before = orders.rows(live);

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> RebuildHarness.result(workflow))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(orders.rows(live)).isEqualTo(before);
    assertThat(before.get(orders.ids.get(3)).get("status").s()).isEqualTo("DELIVERED");
    assertThat(orders.tableNames()).doesNotContain(generation);
    ProjectionGenerations.Generation now = summaryGeneration();
    assertThat(now.table()).isEqualTo(live);
    assertThat(now.building()).isNull();
    assertThat(now.revision()).isZero();
    OperationRecord op = harness.registry.find("op-c1").orElseThrow();
    assertThat(op.status()).isEqualTo("CANCELLED");
    assertThat(op.phase()).isEqualTo("CANCELLED");
    harness.record(
        ProjectionRebuildWorkflow.workflowId(SUMMARY, "c1"), "projection-rebuild-cancelled.json");
  }

  @Test
  @DisplayName(
      "a scan that loses DynamoDB half-way is retried from its last heartbeat, not from the start,"
          + " and counts every commit once")
  void aRetriedScanResumesFromItsHeartbeat() throws Exception {
    harness.start(harness.activities);
    fault.armed = true;

    RebuildReport report = harness.rebuild("f1", SUMMARY);

    assertThat(fault.failed).isTrue();
    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertThat(report.resumedSegments()).isEqualTo(1);
    assertThat(report.scanned().commits()).isEqualTo(orders.commits());
    assertThat(report.scanned().orders()).isEqualTo(ORDERS);
    // the retry's first request went on from the last page the failed attempt finished
    List<ScanRequest> segment0 = fault.segment0();
    ScanRequest dropped = segment0.get(DropsOneScan.FAIL_AT - 1);
    ScanRequest retried = segment0.get(DropsOneScan.FAIL_AT);
    assertThat(retried.exclusiveStartKey()).isNotEmpty().isEqualTo(dropped.exclusiveStartKey());
    for (String id : orders.ids) {
      assertThat(orders.summary.get(id).orElseThrow().lastVersion())
          .as(id)
          .isEqualTo(orders.fold(id).version());
    }
  }

  @Test
  @DisplayName("a second rebuild of the same read model is refused and leaves the first one alone")
  void oneRebuildAtATime() throws Exception {
    CountDownLatch scanning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    harness.start(
        new ForwardingRebuildActivities(harness.activities) {
          @Override
          public SegmentRebuilt rebuildSegment(SegmentRequest request) {
            if (request.table().endsWith("-gen-a1")) {
              scanning.countDown();
              hold(release);
            }
            return super.rebuildSegment(request);
          }
        });
    ProjectionRebuildWorkflow first = harness.start("a1", SUMMARY, RebuildAction.REBUILD, false);
    assertThat(scanning.await(60, TimeUnit.SECONDS)).isTrue();

    ProjectionRebuildWorkflow second = harness.start("a2", SUMMARY, RebuildAction.REBUILD, false);

    assertThatThrownBy(() -> RebuildHarness.result(second))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(harness.registry.find("op-a2").orElseThrow().error())
        .contains("is being rebuilt into " + orders.tables.projections() + "-gen-a1");
    assertThat(orders.tableNames()).doesNotContain(orders.tables.projections() + "-gen-a2");
    assertThat(summaryGeneration().building()).isEqualTo(orders.tables.projections() + "-gen-a1");
    release.countDown();
    assertThat(RebuildHarness.result(first).outcome()).isEqualTo("SWAPPED");
  }

  @Test
  @DisplayName(
      "a rollback catches the previous generation up with what happened since the swap and swaps"
          + " back; dropping it then removes it for good")
  void rollBackThenDrop() throws Exception {
    harness.start(harness.activities);
    String live = orders.tables.projections();
    harness.rebuild("b1", SUMMARY);
    String changed = orders.ids.get(3); // SHIPPED
    orders.commit(changed, new OrderDelivered(), true); // reaches the new generation only
    assertThat(orders.rows(live).get(changed).get("status").s()).isEqualTo("SHIPPED");

    RebuildReport back =
        RebuildHarness.result(harness.start("b2", SUMMARY, RebuildAction.ROLLBACK, false));

    assertThat(back.outcome()).isEqualTo("ROLLED_BACK");
    ProjectionGenerations.Generation now = summaryGeneration();
    assertThat(now.table()).isEqualTo(live);
    assertThat(now.previousTable()).isEqualTo(live + "-gen-b1");
    assertThat(now.revision()).isEqualTo(2);
    assertThat(orders.summary.get(changed).orElseThrow().status()).isEqualTo("DELIVERED");

    RebuildReport dropped =
        RebuildHarness.result(harness.start("b3", SUMMARY, RebuildAction.DROP_PREVIOUS, false));

    assertThat(dropped.outcome()).isEqualTo("DROPPED");
    assertThat(orders.tableNames()).doesNotContain(live + "-gen-b1").contains(live);
    assertThat(summaryGeneration().previousTable()).isNull();
  }

  @Test
  @DisplayName("the configured table is never dropped: Terraform or the bootstrap owns it")
  void neverDropsTheConfiguredTable() throws Exception {
    harness.start(harness.activities);
    harness.rebuild("d1", SUMMARY);

    ProjectionRebuildWorkflow drop =
        harness.start("d2", SUMMARY, RebuildAction.DROP_PREVIOUS, false);

    assertThatThrownBy(() -> RebuildHarness.result(drop))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(harness.registry.find("op-d2").orElseThrow().error()).contains("configured table");
    assertThat(orders.tableNames()).contains(orders.tables.projections());
  }

  @Test
  @DisplayName("an unknown read model fails before anything is created, naming the registered ones")
  void unknownProjection() {
    harness.start(harness.activities);

    ProjectionRebuildWorkflow workflow = harness.start("u1", "nope", RebuildAction.REBUILD, false);

    assertThatThrownBy(() -> RebuildHarness.result(workflow))
        .isInstanceOf(WorkflowFailedException.class);
    OperationRecord op = harness.registry.find("op-u1").orElseThrow();
    assertThat(op.status()).isEqualTo("FAILED");
    assertThat(op.error()).contains("'nope'").contains("order-summary").contains("revenue");
  }

  static DynamoDbClient client(ExecutionInterceptor interceptor) {
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(
            URI.create(System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000")))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(
            c -> c.apiCallTimeout(Duration.ofSeconds(5)).addExecutionInterceptor(interceptor))
        .build();
  }

  /**
   * Once armed, fails the {@link #FAIL_AT}-th scan request of segment 0, as a dropped connection
   * would, and keeps every segment-0 request it saw.
   */
  static final class DropsOneScan implements ExecutionInterceptor {
    static final int FAIL_AT = 3;
    volatile boolean armed;
    volatile boolean failed;
    private final AtomicInteger count = new AtomicInteger();
    private final List<ScanRequest> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!armed
          || !(context.request() instanceof ScanRequest scan)
          || scan.segment() == null
          || scan.segment() != 0) {
        return;
      }
      seen.add(scan);
      if (count.incrementAndGet() == FAIL_AT && !failed) {
        failed = true;
        throw SdkClientException.create("connection reset (injected by the test)");
      }
    }

    List<ScanRequest> segment0() {
      return List.copyOf(seen);
    }
  }
}
