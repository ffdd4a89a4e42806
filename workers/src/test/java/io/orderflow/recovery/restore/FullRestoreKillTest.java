package io.orderflow.recovery.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.AwaitedResult;
import io.orderflow.recovery.KilledWorkers;
import io.orderflow.recovery.backup.BackupInput;
import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.orderflow.recovery.backup.BackupWorkflowImpl;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the process hosting a full restore is killed (SIGKILL, no shutdown hook runs) while it
 * imports, and a new process takes over. The restore must finish as an uninterrupted one would:
 * every commit and snapshot of the backup restored once, the interrupted file resumed from its last
 * heartbeat rather than from the start.
 */
class FullRestoreKillTest {
  static final int ORDERS = 120;

  @TempDir Path root;
  final RealOrders orders = new RealOrders().create(ORDERS);
  final String queue = "restore-kill-" + UUID.randomUUID();
  KilledWorkers workers;
  WorkerFactory backupWorkers;

  @AfterEach
  void stop() {
    if (backupWorkers != null) {
      backupWorkers.shutdownNow();
    }
    if (workers != null) {
      workers.close();
    }
    orders.close();
  }

  @Test
  @DisplayName(
      "a worker killed mid-import is replaced; the restore resumes from its heartbeats and restores"
          + " every item once")
  void survivesAKilledWorker() throws Exception {
    workers = new KilledWorkers("restore-kill");
    WorkflowClient client = workers.client;
    Map<String, String> original = orders.fingerprint(orders.tables.events());
    backUp(client, "kill-backup");

    Process first = worker(300, "first");
    FullRestoreWorkflow restore =
        client.newWorkflowStub(
            FullRestoreWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("restore-kill").setTaskQueue(queue).build());
    WorkflowClient.start(
        restore::run,
        new FullRestoreInput(
            "op-kill",
            "kill",
            "kill-backup",
            false,
            "tester",
            20,
            2,
            false,
            new RampSettings(1, 1, 1, 0, 5)));
    KilledWorkers.awaitPhase(() -> restore.progress().phase(), "IMPORTING");
    awaitHeartbeatedImport(client); // an import has reported lines done: kill it mid-file

    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(first.isAlive()).isFalse();
    worker(0, "second");

    RestoreReport report =
        AwaitedResult.of(
            WorkflowStub.fromTyped(restore),
            workers.service,
            Duration.ofMinutes(5),
            RestoreReport.class);

    assertThat(report.outcome()).isEqualTo("SWITCHED");
    assertThat(report.anomalyCount()).isZero();
    assertThat(report.found()).isEqualTo(report.expected());
    assertThat(orders.fingerprint(orders.tables.events() + "-kill")).isEqualTo(original);
    assertThat(workers.log("second"))
        .as("the second worker's log; the first's: %s", workers.log("first"))
        .contains("resumes after line");
    assertThat(retriedImports(client)).isPositive();
  }

  private void backUp(WorkflowClient client, String backupId) throws Exception {
    String backupQueue = queue + "-backup";
    backupWorkers = WorkerFactory.newInstance(client);
    backupWorkers
        .newWorker(backupQueue)
        .registerWorkflowImplementationTypes(BackupWorkflowImpl.class);
    backupWorkers
        .getWorker(backupQueue)
        .registerActivitiesImplementations(
            new DynamoDbBackupActivities(
                orders.dynamo,
                orders.active,
                new DirectoryBackupStore(root.resolve("backups")),
                new SegmentExporter.Settings(50, 400)),
            new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC()));
    backupWorkers.start();
    BackupWorkflow backup =
        client.newWorkflowStub(
            BackupWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("backup-" + backupId)
                .setTaskQueue(backupQueue)
                .build());
    WorkflowClient.start(backup::run, new BackupInput("op-" + backupId, backupId, 2, "tester"));
    WorkflowStub.fromTyped(backup).getResult(60, TimeUnit.SECONDS, BackupResult.class);
  }

  private Process worker(long batchDelayMillis, String name) throws Exception {
    return workers.startWorker(
        name,
        RestoreWorkerProcess.class,
        orders.tables.events(),
        root.resolve("backups").toString(),
        queue,
        Long.toString(batchDelayMillis));
  }

  /** Waits until Temporal holds heartbeat details (lines done) for an import in flight. */
  private static void awaitHeartbeatedImport(WorkflowClient client) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var pending =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId("restore-kill"))
                      .build())
              .getPendingActivitiesList();
      if (pending.stream()
          .anyMatch(
              a ->
                  a.getActivityType().getName().equals("ImportFile")
                      && a.hasHeartbeatDetails()
                      && a.getHeartbeatDetails().getPayloadsCount() > 0)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no import heartbeated within a minute");
  }

  private static long retriedImports(WorkflowClient client) {
    return client.fetchHistory("restore-kill").getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1)
        .count();
  }
}
