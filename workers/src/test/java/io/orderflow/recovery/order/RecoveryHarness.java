package io.orderflow.recovery.order;

import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.backup.BackupInput;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.orderflow.recovery.backup.BackupWorkflowImpl;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Temporal test environment (real time) whose {@code recovery} worker runs the real backup and
 * recovery workflows and activities against an {@link OrderFixture}.
 */
final class RecoveryHarness implements AutoCloseable {
  private static final AtomicInteger RUNS = new AtomicInteger();

  final OrderFixture local;
  final DynamoDbOperationsRegistry registry;
  final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  RecoveryHarness(Path backupRoot) {
    local = new OrderFixture(backupRoot);
    registry = new DynamoDbOperationsRegistry(local.dynamo, local.tables, Clock.systemUTC());
  }

  /** Starts the worker with the real recovery activities. */
  RecoveryHarness start() {
    return start(local.activities());
  }

  RecoveryHarness start(OrderRecoveryActivities recovery) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            SingleOrderRecoveryWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(
        BackupWorkflowImpl.class, SingleOrderRecoveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbBackupActivities(
            local.dynamo, local.tables, local.backups, new SegmentExporter.Settings(10, 25)),
        recovery,
        registry);
    env.start();
    return this;
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Backs both tables up with the real backup workflow; returns the backup's id. */
  String backup() {
    String backupId = "b-" + RUNS.incrementAndGet();
    client()
        .newWorkflowStub(
            BackupWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(BackupWorkflow.WORKFLOW_ID_PREFIX + backupId)
                .setTaskQueue(BackupWorkflow.TASK_QUEUE)
                .build())
        .run(new BackupInput("op-" + backupId, backupId, 2, "tester"));
    return backupId;
  }

  /** A recovery stub, not started yet. */
  SingleOrderRecoveryWorkflow workflow(String orderId) {
    return client()
        .newWorkflowStub(
            SingleOrderRecoveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(
                    SingleOrderRecoveryWorkflow.workflowId(
                        orderId, Integer.toString(RUNS.incrementAndGet())))
                .setTaskQueue(SingleOrderRecoveryWorkflow.TASK_QUEUE)
                .build());
  }

  /** Runs a recovery to its end. */
  OrderRecoveryReport recover(String operationId, String orderId, String backupId, boolean dry) {
    return workflow(orderId)
        .run(new OrderRecoveryInput(operationId, orderId, backupId, dry, "tester"));
  }

  /** Starts a recovery and returns its stub. */
  SingleOrderRecoveryWorkflow startRecovery(String operationId, String orderId) {
    SingleOrderRecoveryWorkflow workflow = workflow(orderId);
    WorkflowClient.start(
        workflow::run, new OrderRecoveryInput(operationId, orderId, null, false, "tester"));
    return workflow;
  }

  static WorkflowStub stub(SingleOrderRecoveryWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow);
  }

  OperationRecord operation(String operationId) {
    return registry.find(operationId).orElseThrow();
  }

  @Override
  public void close() {
    env.close();
    local.close();
  }
}
