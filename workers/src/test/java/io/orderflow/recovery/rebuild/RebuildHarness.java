package io.orderflow.recovery.rebuild;

import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.rebuild.DynamoDbProjectionRebuildActivities;
import io.orderflow.recovery.RecordedHistories;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rebuild workflow on Temporal's test server (real time) with its real activities against the
 * test dynalite, and the operations registry they record into.
 */
final class RebuildHarness implements AutoCloseable {
  /** Items per scan page: small, so that even a few orders span many pages and checkpoints. */
  static final int PAGE = 7;

  final LiveOrders orders;
  final DynamoDbOperationsRegistry registry;
  final ProjectionRebuildActivities activities;
  final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  RebuildHarness(LiveOrders orders) {
    this.orders = orders;
    this.registry = new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC());
    this.activities =
        new DynamoDbProjectionRebuildActivities(
            orders.dynamo,
            orders.registry,
            orders.generations,
            orders.active,
            orders.codec,
            Clock.systemUTC(),
            new DynamoDbProjectionRebuildActivities.Settings(PAGE));
  }

  /** Starts a worker with these activities (the real ones, or a wrapper around them). */
  RebuildHarness start(ProjectionRebuildActivities hosted) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            ProjectionRebuildWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(ProjectionRebuildWorkflowImpl.class);
    worker.registerActivitiesImplementations(hosted, registry);
    env.start();
    return this;
  }

  ProjectionRebuildWorkflow start(
      String id, String projection, RebuildAction action, boolean dryRun) {
    ProjectionRebuildWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ProjectionRebuildWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ProjectionRebuildWorkflow.workflowId(projection, id))
                    .setTaskQueue(ProjectionRebuildWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(
        workflow::run,
        new RebuildInput(
            "op-" + id, projection, id, action, dryRun, 3, "tester", null, false, 1, 60));
    return workflow;
  }

  RebuildReport rebuild(String id, String projection) throws TimeoutException {
    return result(start(id, projection, RebuildAction.REBUILD, false));
  }

  static RebuildReport result(ProjectionRebuildWorkflow workflow) throws TimeoutException {
    return WorkflowStub.fromTyped(workflow).getResult(120, TimeUnit.SECONDS, RebuildReport.class);
  }

  /** Keeps a run's history for the workflows module's replay tests (RecordedHistories). */
  void record(String workflowId, String file) throws IOException {
    RecordedHistories.keep(env.getWorkflowClient(), workflowId, file);
  }

  @Override
  public void close() {
    env.close();
    orders.close();
  }
}
