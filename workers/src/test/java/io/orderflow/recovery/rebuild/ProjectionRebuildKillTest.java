package io.orderflow.recovery.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.AwaitedResult;
import io.orderflow.recovery.KilledWorkers;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fault: the process hosting a rebuild is killed (SIGKILL, no shutdown hook runs) while it scans,
 * and a new process takes over. The rebuild must end as an uninterrupted one would: every commit
 * counted once and every row right, the interrupted segments resumed from their last heartbeat
 * rather than from the start.
 */
class ProjectionRebuildKillTest {
  static final int ORDERS = 60;
  static final String WORKFLOW_ID = "rebuild-order-summary-kill";

  final LiveOrders orders = new LiveOrders().create(ORDERS);
  final String queue = "rebuild-kill-" + UUID.randomUUID();
  KilledWorkers workers;

  @AfterEach
  void stop() {
    if (workers != null) {
      workers.close();
    }
    orders.close();
  }

  @Test
  @DisplayName(
      "a worker killed mid-scan is replaced; the rebuild resumes from its heartbeats and counts"
          + " every commit once")
  void survivesAKilledWorker() throws Exception {
    workers = new KilledWorkers("rebuild-kill");
    WorkflowClient client = workers.client;

    Process first = worker(300, "first");
    ProjectionRebuildWorkflow rebuild =
        client.newWorkflowStub(
            ProjectionRebuildWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(WORKFLOW_ID).setTaskQueue(queue).build());
    WorkflowClient.start(
        rebuild::run,
        new RebuildInput(
            "op-kill",
            OrderSummaryProjection.NAME,
            "kill",
            RebuildAction.REBUILD,
            false,
            2,
            "tester",
            null,
            false,
            1,
            60));
    KilledWorkers.awaitPhase(() -> rebuild.progress().phase(), "SCANNING");
    Thread.sleep(1_500); // a few pages into each segment

    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(first.isAlive()).isFalse();
    worker(0, "second");

    RebuildReport report =
        AwaitedResult.of(
            WorkflowStub.fromTyped(rebuild),
            workers.service,
            Duration.ofMinutes(5),
            RebuildReport.class);

    assertThat(report.outcome()).isEqualTo("SWAPPED");
    assertThat(report.resumedSegments()).isPositive();
    assertThat(report.scanned().commits()).isEqualTo(orders.commits());
    assertThat(report.scanned().orders()).isEqualTo(ORDERS);
    for (String id : orders.ids) {
      assertThat(orders.summary.get(id).orElseThrow().lastVersion())
          .as(id)
          .isEqualTo(orders.fold(id).version());
    }
    assertThat(workers.log("second"))
        .as("the second worker's log; the first's: %s", workers.log("first"))
        .contains("resumes after");
    assertThat(retriedScans(client)).isPositive();
  }

  private Process worker(long scanDelayMillis, String name) throws Exception {
    return workers.startWorker(
        name,
        RebuildWorkerProcess.class,
        orders.tables.events(),
        queue,
        Long.toString(scanDelayMillis),
        "5");
  }

  private static long retriedScans(WorkflowClient client) {
    return client.fetchHistory(WORKFLOW_ID).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1)
        .count();
  }
}
