package io.orderflow.recovery.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.AwaitedResult;
import io.orderflow.recovery.backup.BackupInput;
import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.orderflow.recovery.backup.BackupWorkflowImpl;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  // Kept after the run (under target/), so a failure can be read.
  final Path logs = Path.of("target", "restore-kill-" + UUID.randomUUID());
  final RealOrders orders = new RealOrders().create(ORDERS);
  final String queue = "restore-kill-" + UUID.randomUUID();
  final List<Process> processes = new ArrayList<>();
  LocalTemporalServer server;
  WorkflowServiceStubs service;
  WorkerFactory backupWorkers;

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (backupWorkers != null) {
      backupWorkers.shutdownNow();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
    orders.close();
  }

  @Test
  @DisplayName(
      "a worker killed mid-import is replaced; the restore resumes from its heartbeats and restores"
          + " every item once")
  void survivesAKilledWorker() throws Exception {
    Files.createDirectories(logs);
    server = LocalTemporalServer.start(InetAddress.getLoopbackAddress(), 0);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
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
    awaitImporting(restore);
    awaitHeartbeatedImport(client); // an import has reported lines done: kill it mid-file

    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(first.isAlive()).isFalse();
    Path secondLog = logs.resolve("second.log");
    worker(0, "second");

    RestoreReport report =
        AwaitedResult.of(
            WorkflowStub.fromTyped(restore), service, Duration.ofMinutes(5), RestoreReport.class);

    assertThat(report.outcome()).isEqualTo("SWITCHED");
    assertThat(report.anomalyCount()).isZero();
    assertThat(report.found()).isEqualTo(report.expected());
    assertThat(orders.fingerprint(orders.tables.events() + "-kill")).isEqualTo(original);
    assertThat(Files.readString(secondLog))
        .as("the second worker's log; the first's: %s", Files.readString(logs.resolve("first.log")))
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String prefix = orders.tables.events().substring(0, orders.tables.events().indexOf("order_"));
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RestoreWorkerProcess.class.getName(),
                server.target(),
                System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
                prefix,
                root.resolve("backups").toString(),
                queue,
                Long.toString(batchDelayMillis))
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile())
            .start();
    processes.add(process);
    return process;
  }

  private static void awaitImporting(FullRestoreWorkflow restore) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try {
        if ("IMPORTING".equals(restore.progress().phase())) {
          return;
        }
      } catch (RuntimeException notYet) {
        // no worker has taken the first workflow task yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the restore never reached IMPORTING");
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
