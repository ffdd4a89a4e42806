package io.orderflow.recovery.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.order.Order;
import io.orderflow.order.OrderStatus;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.RecordedHistories;
import io.orderflow.recovery.restore.RealOrders;
import io.orderflow.replay.DynamoDbReplayActivities;
import io.orderflow.snapshot.OrderSnapshot;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Replay after a logic bug, against the test dynalite: a buggy fold (a test stand-in for code that
 * shipped with a bug) wrote snapshots without the shipment and projection rows with a wrong status;
 * replay with today's fold finds exactly those orders and fields, and a real run corrects them.
 */
class EventReplayWorkflowTest {
  static final int ORDERS = 25;

  final RealOrders orders = new RealOrders().create(ORDERS);
  final OrderSummaryProjection projection =
      new OrderSummaryProjection(orders.dynamo, orders.tables);
  final DynamoDbOperationsRegistry registry =
      new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC());
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  /** The shipped-with-a-bug fold: it forgot the carrier and the tracking number. */
  static Order buggyFold(Order right) {
    return new Order(
        right.orderId(),
        right.customerId(),
        right.status(),
        right.currency(),
        right.items(),
        right.total(),
        right.amountPaid(),
        right.amountRefunded(),
        right.paymentId(),
        null,
        null,
        right.cancelReason(),
        right.version(),
        right.createdAt(),
        right.updatedAt());
  }

  @BeforeEach
  void runTheBuggyCode() {
    for (String id : orders.ids) {
      Order right = orders.fold(orders.tables.events(), id);
      orders.snapshots.save(
          new OrderSnapshot(buggyFold(right), Order.STATE_SCHEMA_VERSION, Instant.now()));
      // and the same bug's projector left cancelled orders PENDING
      projection.replace(
          right.status() == OrderStatus.CANCELLED ? withStatus(right, OrderStatus.PENDING) : right);
    }
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            EventReplayWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(EventReplayWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbReplayActivities(
            orders.store,
            orders.snapshots,
            projection,
            new EventExplorer(orders.dynamo, orders.active),
            meters,
            Clock.systemUTC()),
        registry);
    env.start();
  }

  @AfterEach
  void close() {
    env.close();
    orders.close();
  }

  ReplayReport replay(String id, ReplayInput input) throws Exception {
    EventReplayWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                EventReplayWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(EventReplayWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, input);
    return WorkflowStub.fromTyped(workflow).getResult(60, TimeUnit.SECONDS, ReplayReport.class);
  }

  ReplayInput byIds(String op, boolean dryRun) {
    return new ReplayInput(op, orders.ids, null, null, null, dryRun, "tester", 7, null);
  }

  /** Lifecycle kinds of RealOrders: 3 and 4 are shipped (then delivered), 1 is cancelled. */
  Set<String> ofKind(int... kinds) {
    Set<Integer> wanted = java.util.Arrays.stream(kinds).boxed().collect(Collectors.toSet());
    return java.util.stream.IntStream.range(0, ORDERS)
        .filter(i -> wanted.contains(i % 5))
        .mapToObj(orders.ids::get)
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName(
      "a dry run names exactly the orders and fields the bug got wrong, and changes nothing")
  void dryRunReportsExactlyTheDamage() throws Exception {
    ReplayReport report = replay("replay-dry", byIds("op-dry", true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.totals().examined()).isEqualTo(ORDERS);
    Map<String, List<String>> fields =
        report.totals().changed().stream()
            .collect(
                Collectors.toMap(
                    OrderChange::orderId,
                    c ->
                        c.fields().stream()
                            .map(f -> f.where() + "." + f.field())
                            .sorted()
                            .toList()));
    assertThat(fields.keySet()).isEqualTo(union(ofKind(3, 4), ofKind(1)));
    ofKind(3, 4)
        .forEach(
            id ->
                assertThat(fields.get(id))
                    .containsExactly("snapshot.carrier", "snapshot.trackingNumber"));
    ofKind(1).forEach(id -> assertThat(fields.get(id)).containsExactly("projection.status"));
    assertThat(report.totals().snapshotsRewritten()).isZero();
    assertThat(report.totals().projectionRowsFixed()).isZero();
    String shipped = ofKind(3).iterator().next();
    assertThat(orders.snapshots.decode(orders.snapshots.latest(shipped).orElseThrow()).carrier())
        .isNull(); // still the bug's
    OperationRecord op = registry.find("op-dry").orElseThrow();
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.result()).containsEntry("changedCount", fields.size());
  }

  @Test
  @DisplayName(
      "a real run rewrites the snapshots and fixes the rows; a dry run after it finds nothing")
  void realRunCorrects() throws Exception {
    ReplayReport fixed = replay("replay-fix", byIds("op-fix", false));

    assertThat(fixed.totals().snapshotsRewritten()).isEqualTo(ofKind(3, 4).size());
    assertThat(fixed.totals().projectionRowsFixed()).isEqualTo(ofKind(1).size());
    for (String id : orders.ids) {
      Order right = orders.fold(orders.tables.events(), id);
      assertThat(orders.snapshots.decode(orders.snapshots.latest(id).orElseThrow()))
          .isEqualTo(right);
      assertThat(projection.get(id).orElseThrow().status()).isEqualTo(right.status().name());
    }
    ReplayReport after = replay("replay-after", byIds("op-after", true));
    assertThat(after.totals().changed()).isEmpty();
    assertThat(meters.get("orderflow.replay.duration").timer().count()).isEqualTo(2);
    record("replay-fix", "replay-corrected.json");
    WorkflowReplayer.replayWorkflowExecution(
        env.getWorkflowClient().fetchHistory("replay-fix"), EventReplayWorkflowImpl.class);
  }

  @Test
  @DisplayName("a time range selects the orders with a commit in it")
  void timeRange() throws Exception {
    Instant from = Instant.now().minus(Duration.ofHours(1));
    ReplayReport report =
        replay(
            "replay-range",
            new ReplayInput(
                "op-range",
                null,
                from.toString(),
                Instant.now().plusSeconds(60).toString(),
                null,
                true,
                "tester",
                10,
                null));

    assertThat(report.totals().examined()).isEqualTo(ORDERS);
  }

  /** Keeps a run's history for the workflows module's replay tests (RecordedHistories). */
  void record(String workflowId, String file) throws IOException {
    RecordedHistories.keep(env.getWorkflowClient(), workflowId, file);
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  static Order withStatus(Order o, OrderStatus status) {
    return new Order(
        o.orderId(),
        o.customerId(),
        status,
        o.currency(),
        o.items(),
        o.total(),
        o.amountPaid(),
        o.amountRefunded(),
        o.paymentId(),
        o.carrier(),
        o.trackingNumber(),
        o.cancelReason(),
        o.version(),
        o.createdAt(),
        o.updatedAt());
  }
}
