package io.orderflow.recovery.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.operations.OperationRecord;
import io.orderflow.workers.config.ScheduledConsistencyCheck;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worker's cron schedule for the check, on the time-skipping test server (which, like the local
 * server, runs cron workflows): started once however often the worker starts, each run its own
 * operation, replaced when the cron changes, stopped when it is emptied.
 */
class ScheduledCheckTest {
  final CheckHarness harness = new CheckHarness(5, true);
  final WorkflowClient client = harness.env.getWorkflowClient();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  @DisplayName(
      "a cron schedule runs the check every period as its own operation; restarts keep one"
          + " schedule, a new cron replaces it and an empty one stops it")
  void scheduleRunsChecksAndFollowsTheConfiguration() {
    harness.startWorker(harness.activities(1, 0));

    new ScheduledConsistencyCheck(client, "*/10 * * * *").apply();
    new ScheduledConsistencyCheck(client, "*/10 * * * *").apply(); // a second worker start
    harness.env.sleep(Duration.ofMinutes(25));

    List<OperationRecord> runs =
        harness.registry.list(100).stream()
            .filter(op -> "CONSISTENCY_CHECK".equals(op.kind()))
            .toList();
    assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(runs).allSatisfy(op -> assertThat(op.status()).isEqualTo("SUCCEEDED"));
    assertThat(runs).allSatisfy(op -> assertThat(op.parameters()).containsEntry("scheduled", true));
    assertThat(runs).extracting(OperationRecord::operationId).doesNotHaveDuplicates();
    assertThat(runs)
        .allSatisfy(
            op ->
                assertThat(op.workflowId())
                    .startsWith("check-2")
                    .isNotEqualTo(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID));
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    new ScheduledConsistencyCheck(client, "0 * * * *").apply();
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(
            client
                .fetchHistory(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID)
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getCronSchedule())
        .isEqualTo("0 * * * *");

    new ScheduledConsistencyCheck(client, "").apply();
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
  }

  @Test
  @DisplayName("cancelling a scheduled run records it CANCELLED and keeps the schedule going")
  void cancelledRunKeepsTheSchedule() throws Exception {
    ConsistencyCheckWorkflowTest.HeldScan held =
        new ConsistencyCheckWorkflowTest.HeldScan(harness.activities(1, 0));
    harness.startWorker(held);
    new ScheduledConsistencyCheck(client, "*/10 * * * *").apply();
    String firstRun = runId();

    // Time skips to the first run, then stands still while its scan is held (an activity runs).
    CompletableFuture.runAsync(() -> harness.env.sleep(Duration.ofMinutes(11)));
    assertThat(held.scanning.await(60, TimeUnit.SECONDS)).isTrue();
    // as POST /api/operations/{operationId}/cancel does: the workflow id and run id it recorded
    OperationRecord running =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    harness.registry.list(10).stream()
                        .filter(op -> "RUNNING".equals(op.status()))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    client
        .newUntypedWorkflowStub(
            running.workflowId(), Optional.of(running.runId()), Optional.empty())
        .cancel();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> harness.registry.find(running.operationId()).orElseThrow().status(),
            "CANCELLED"::equals);
    assertThat(running.parameters()).containsEntry("scheduled", true);
    await().atMost(Duration.ofSeconds(30)).until(() -> !runId().equals(firstRun));
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(runId()).isNotEqualTo(firstRun);
    harness.record(
        ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID,
        firstRun,
        "consistency-check-scheduled-cancelled.json");
  }

  private String runId() {
    return client
        .newUntypedWorkflowStub(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID)
        .describe()
        .getExecution()
        .getRunId();
  }

  private WorkflowExecutionStatus status() {
    return client
        .newUntypedWorkflowStub(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID)
        .describe()
        .getStatus();
  }
}
