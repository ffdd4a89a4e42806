package io.orderflow.recovery.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.Progress;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup workflow with the real activities against the test dynalite. */
class BackupWorkflowTest {
  static final int ORDERS = 30;
  static final int COMMITS = 3;

  final LocalTables local = new LocalTables().fill(ORDERS, COMMITS);
  final DynamoDbOperationsRegistry registry =
      new DynamoDbOperationsRegistry(local.dynamo, local.tables, Clock.systemUTC());
  @TempDir Path root;
  TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  @AfterEach
  void close() {
    env.close();
    local.close();
  }

  DirectoryBackupStore store() {
    return new DirectoryBackupStore(root);
  }

  BackupActivities realActivities() {
    return new DynamoDbBackupActivities(
        local.dynamo, local.tables, store(), new SegmentExporter.Settings(10, 25));
  }

  BackupWorkflow start(BackupActivities activities, String backupId) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            BackupWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(BackupWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities, registry);
    env.start();
    BackupWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                BackupWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(BackupWorkflow.WORKFLOW_ID_PREFIX + backupId)
                    .setTaskQueue(BackupWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, new BackupInput("op-" + backupId, backupId, 4, "tester"));
    return workflow;
  }

  @Test
  @DisplayName("a backup exports both tables, reports DONE and records SUCCEEDED with its result")
  void backsUpAndRecordsTheResult() throws TimeoutException {
    BackupWorkflow workflow = start(realActivities(), "b-ok");
    BackupResult result =
        WorkflowStub.fromTyped(workflow).getResult(30, TimeUnit.SECONDS, BackupResult.class);

    assertThat(result.items())
        .containsEntry(local.tables.events(), (long) ORDERS * COMMITS)
        .containsEntry(local.tables.snapshots(), (long) ORDERS);
    assertThat(result.orders()).isEqualTo(ORDERS);
    assertThat(workflow.progress()).isEqualTo(new Progress("DONE", 9, 9));
    OperationRecord op = registry.find("op-b-ok").orElseThrow();
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.workflowId()).isEqualTo("backup-b-ok");
    assertThat(op.runId()).isNotBlank();
    assertThat(op.result()).containsEntry("orders", ORDERS).containsEntry("backupId", "b-ok");
    BackupManifest manifest = store().read("b-ok").orElseThrow();
    assertThat(manifest.items()).isEqualTo((long) ORDERS * COMMITS + ORDERS);
  }

  @Test
  @DisplayName("the phases are upserted as search attributes in order, ending in DONE")
  void upsertsThePhases() throws TimeoutException {
    BackupWorkflow workflow = start(realActivities(), "b-phases");
    WorkflowStub.fromTyped(workflow).getResult(30, TimeUnit.SECONDS, BackupResult.class);

    var attributes = WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
    assertThat(attributes.get(OperationSearchAttributes.OPERATION)).isEqualTo("BACKUP");
    assertThat(attributes.get(OperationSearchAttributes.PHASE)).isEqualTo("DONE");
    assertThat(upsertedPhases("backup-b-phases"))
        .containsExactly(
            "STARTING", "EXPORTING_EVENTS", "EXPORTING_SNAPSHOTS", "WRITING_MANIFEST", "DONE");
  }

  @Test
  @DisplayName("a cancelled backup removes its partial directory and records CANCELLED")
  void cancelRemovesThePartialBackup() throws InterruptedException {
    SlowSnapshots slow = new SlowSnapshots(realActivities());
    BackupWorkflow workflow = start(slow, "b-cancel");
    assertThat(slow.exportingSnapshots.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.isDirectory(store().directory("b-cancel"))).isTrue(); // events are on disk

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(workflow)
                    .getResult(30, TimeUnit.SECONDS, BackupResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(Files.exists(store().directory("b-cancel"))).isFalse();
    assertThat(store().list()).isEmpty();
    assertThat(registry.find("op-b-cancel").orElseThrow().status()).isEqualTo("CANCELLED");
    assertThat(workflow.progress().phase()).isEqualTo("CANCELLED");
  }

  private List<String> upsertedPhases(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId).getHistory().getEventsList().stream()
        .filter(HistoryEvent::hasUpsertWorkflowSearchAttributesEventAttributes)
        .map(
            e ->
                e.getUpsertWorkflowSearchAttributesEventAttributes()
                    .getSearchAttributes()
                    .getIndexedFieldsMap()
                    .get("OrderflowPhase"))
        .map(p -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(p, String.class, String.class))
        .toList();
  }
}
