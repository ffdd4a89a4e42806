package io.orderflow.recovery.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.control.ServiceMode;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.RecordedHistories;
import io.orderflow.recovery.backup.BackupInput;
import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.orderflow.recovery.backup.BackupWorkflowImpl;
import io.orderflow.restore.DynamoDbRestoreActivities;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full restore runbook with its real activities against the test dynalite: real orders with
 * real hash chains, a real backup, new tables, the pointer switch and the ramp.
 */
class FullRestoreWorkflowTest {
  static final int ORDERS = 40;
  static final RampSettings QUICK_RAMP = new RampSettings(1, 2, 1, 0, 5);

  final RealOrders orders = new RealOrders().create(ORDERS);
  final DynamoDbOperationsRegistry registry =
      new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC());
  @TempDir Path root;
  BackupStore backups;
  TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
  RestoreActivities restore;

  @BeforeEach
  void setUp() {
    backups = new DirectoryBackupStore(root);
    restore =
        new DynamoDbRestoreActivities(
            orders.dynamo,
            backups,
            orders.tables,
            orders.active,
            orders.modes,
            orders.codec,
            new SimpleMeterRegistry(),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    env.close();
    orders.close();
  }

  void startWorker(RestoreActivities activities) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            FullRestoreWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(
        BackupWorkflowImpl.class, FullRestoreWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbBackupActivities(
            orders.dynamo, orders.active, backups, new SegmentExporter.Settings(20, 25)),
        activities,
        registry);
    env.start();
  }

  String backUp(String backupId) throws TimeoutException {
    BackupWorkflow backup =
        env.getWorkflowClient()
            .newWorkflowStub(
                BackupWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("backup-" + backupId)
                    .setTaskQueue(BackupWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(backup::run, new BackupInput("op-" + backupId, backupId, 2, "tester"));
    WorkflowStub.fromTyped(backup).getResult(60, TimeUnit.SECONDS, BackupResult.class);
    return backupId;
  }

  FullRestoreWorkflow startRestore(String restoreId, String backupId, boolean dryRun) {
    FullRestoreWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                FullRestoreWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(FullRestoreWorkflow.WORKFLOW_ID_PREFIX + restoreId)
                    .setTaskQueue(FullRestoreWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(
        workflow::run,
        new FullRestoreInput(
            "op-" + restoreId, restoreId, backupId, dryRun, "tester", 10, 2, false, QUICK_RAMP));
    return workflow;
  }

  RestoreReport result(FullRestoreWorkflow workflow) throws TimeoutException {
    return WorkflowStub.fromTyped(workflow).getResult(120, TimeUnit.SECONDS, RestoreReport.class);
  }

  ServiceMode mode() {
    return orders.modes.read().mode();
  }

  List<String> restoredTables(String restoreId) {
    return orders.tableNames().stream().filter(t -> t.endsWith("-" + restoreId)).toList();
  }

  @Test
  @DisplayName(
      "a restore brings back every order as it was at the backup, switches to the new tables"
          + " and ends NORMAL")
  void restoresSwitchesAndRamps() throws Exception {
    startWorker(restore);
    Map<String, String> before = orders.fingerprint(orders.tables.events());
    backUp("b1");
    // damage after the backup: a whole stream and a single commit gone
    orders.dynamo.deleteItem(
        r -> r.tableName(orders.tables.events()).key(CommitKeys.of(orders.ids.get(1), 1)));
    orders.dynamo.deleteItem(
        r -> r.tableName(orders.tables.events()).key(CommitKeys.of(orders.ids.get(3), 2)));

    RestoreReport report = result(startRestore("r1", "b1", false));

    assertThat(report.outcome()).isEqualTo("SWITCHED");
    assertThat(report.anomalyCount()).isZero();
    assertThat(report.found()).isEqualTo(report.expected());
    assertThat(report.found().orders()).isEqualTo(ORDERS);
    assertThat(report.reconstructed()).isPositive();
    assertThat(orders.active.read().events()).isEqualTo(orders.tables.events() + "-r1");
    assertThat(orders.active.read().snapshots()).isEqualTo(orders.tables.snapshots() + "-r1");
    assertThat(orders.fingerprint(orders.tables.events() + "-r1")).isEqualTo(before);
    assertThat(mode()).isEqualTo(ServiceMode.NORMAL);
    assertThat(orders.tableNames()).contains(orders.tables.events()); // kept for rollback
    assertThat(report.preflight()).anyMatch(line -> line.endsWith("match their checksums"));
    record("restore-r1", "full-restore-switched.json");
    OperationRecord op = registry.find("op-r1").orElseThrow();
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.result()).containsEntry("outcome", "SWITCHED").containsEntry("anomalyCount", 0);
  }

  @Test
  @DisplayName("a dry run validates and reconstructs, then drops its tables; nothing live changes")
  void dryRunChangesNothing() throws Exception {
    startWorker(restore);
    backUp("b2");
    ServiceModeStore.Setting modeBefore = orders.modes.read();

    RestoreReport report = result(startRestore("r2", "b2", true));

    assertThat(report.outcome()).isEqualTo("DRY_RUN");
    assertThat(report.found().commits()).isEqualTo(report.expected().commits());
    assertThat(report.anomalyCount()).isZero();
    assertThat(restoredTables("r2")).isEmpty();
    assertThat(orders.active.read().revision()).isZero();
    assertThat(orders.modes.read()).isEqualTo(modeBefore);
  }

  @Test
  @DisplayName("a backup whose file was altered fails in the preflight, naming the file")
  void tamperedBackupFailsBeforeAnyChange() throws Exception {
    startWorker(restore);
    backUp("b3");
    BackupManifest manifest = backups.read("b3").orElseThrow();
    String file = manifest.tables().get(0).files().get(0).path();
    try (OutputStream out =
        Files.newOutputStream(root.resolve("b3").resolve(file), StandardOpenOption.APPEND)) {
      out.write(new byte[] {1, 2, 3});
    }

    FullRestoreWorkflow workflow = startRestore("r3", "b3", false);

    assertThatThrownBy(() -> result(workflow)).isInstanceOf(WorkflowFailedException.class);
    OperationRecord op = registry.find("op-r3").orElseThrow();
    assertThat(op.status()).isEqualTo("FAILED");
    assertThat(op.error()).contains(file).contains("checksum");
    assertThat(restoredTables("r3")).isEmpty();
    assertThat(mode()).isEqualTo(ServiceMode.NORMAL);
    assertThat(orders.active.read().revision()).isZero();
  }

  @Test
  @DisplayName("an unknown backup fails in the preflight with nothing changed")
  void unknownBackup() {
    startWorker(restore);

    FullRestoreWorkflow workflow = startRestore("r4", "no-such-backup", false);

    assertThatThrownBy(() -> result(workflow)).isInstanceOf(WorkflowFailedException.class);
    assertThat(registry.find("op-r4").orElseThrow().error())
        .contains("no complete backup no-such-backup");
    assertThat(mode()).isEqualTo(ServiceMode.NORMAL);
  }

  @Test
  @DisplayName(
      "a backup of a broken stream is imported, found out by validation and never switched to")
  void brokenHistoryIsNeverSwitchedTo() throws Exception {
    startWorker(restore);
    // a commit altered before the backup: the chain no longer holds
    String victim = orders.ids.get(4);
    orders.dynamo.updateItem(
        r ->
            r.tableName(orders.tables.events())
                .key(CommitKeys.of(victim, 2))
                .updateExpression("SET commitId = :c")
                .expressionAttributeValues(
                    Map.of(
                        ":c",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                            "forged"))));
    backUp("b5");

    FullRestoreWorkflow workflow = startRestore("r5", "b5", false);

    assertThatThrownBy(() -> result(workflow)).isInstanceOf(WorkflowFailedException.class);
    OperationRecord op = registry.find("op-r5").orElseThrow();
    assertThat(op.status()).isEqualTo("FAILED");
    assertThat(op.error()).contains("anomalies").contains(victim).contains("HASH_MISMATCH");
    assertThat(restoredTables("r5")).isEmpty();
    assertThat(mode()).isEqualTo(ServiceMode.NORMAL);
    assertThat(orders.active.read().revision()).isZero();
  }

  @Test
  @DisplayName("a restore cancelled while importing drops its tables and puts NORMAL back")
  void cancelCleansUp() throws Exception {
    HeldImports held = new HeldImports(restore);
    startWorker(held);
    backUp("b6");

    FullRestoreWorkflow workflow = startRestore("r6", "b6", false);
    assertThat(held.importing.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(mode()).isEqualTo(ServiceMode.READ_ONLY);
    assertThat(restoredTables("r6")).hasSize(2);

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> result(workflow))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(restoredTables("r6")).isEmpty();
    assertThat(mode()).isEqualTo(ServiceMode.NORMAL);
    assertThat(orders.active.read().revision()).isZero();
    OperationRecord op = registry.find("op-r6").orElseThrow();
    assertThat(op.status()).isEqualTo("CANCELLED");
    assertThat(op.phase()).isEqualTo("CANCELLED");
    record("restore-r6", "full-restore-cancelled.json");
  }

  /** Keeps a run's history for the workflows module's replay tests (RecordedHistories). */
  void record(String workflowId, String file) throws IOException {
    RecordedHistories.keep(env.getWorkflowClient(), workflowId, file);
  }

  /** Imports that wait, heartbeating, until cancelled: a restore caught half-way. */
  static final class HeldImports extends ForwardingRestoreActivities {
    final CountDownLatch importing = new CountDownLatch(1);

    HeldImports(RestoreActivities real) {
      super(real);
    }

    @Override
    public ImportResult importFile(ImportRequest request) {
      importing.countDown();
      var context = io.temporal.activity.Activity.getExecutionContext();
      Instant until = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(until)) {
        context.heartbeat(0L); // throws once the workflow is cancelled
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return super.importFile(request);
    }
  }
}
