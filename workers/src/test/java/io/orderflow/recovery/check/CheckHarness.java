package io.orderflow.recovery.check;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.check.CheckVerdicts;
import io.orderflow.check.ConsistencyGauges;
import io.orderflow.check.DynamoDbConsistencyCheckActivities;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.RecordedHistories;
import io.orderflow.recovery.restore.RealOrders;
import io.orderflow.workers.temporal.LocalTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Real orders on the test dynalite, all published and projected (a healthy store), the consistency
 * check's real activities, and a Temporal test environment to run the workflow in.
 */
final class CheckHarness implements AutoCloseable {
  final RealOrders orders;
  final OrderSummaryProjection projection;
  final DynamoDbOperationsRegistry registry;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CheckVerdicts verdicts;
  final ConsistencyGauges gauges;
  final TestWorkflowEnvironment env;

  CheckHarness(int count, boolean timeSkipping) {
    orders = new RealOrders().create(count);
    projection = new OrderSummaryProjection(orders.dynamo, orders.tables);
    registry = new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC());
    verdicts = new CheckVerdicts(orders.dynamo, orders.tables);
    gauges = new ConsistencyGauges(verdicts, Clock.systemUTC(), meters, false);
    for (String id : orders.ids) {
      for (StoredCommit commit : orders.store.readCommits(id)) {
        orders.store.markPublished(id, commit.version());
      }
      projection.upsert(orders.fold(orders.tables.events(), id));
    }
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
  }

  DynamoDbConsistencyCheckActivities activities(int segments, long staleAfterSeconds) {
    return new DynamoDbConsistencyCheckActivities(
        orders.dynamo,
        orders.active,
        projection,
        orders.codec,
        verdicts,
        gauges,
        new CheckSettings(segments, staleAfterSeconds));
  }

  void startWorker(ConsistencyCheckActivities activities) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            ConsistencyCheckWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(ConsistencyCheckWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities, registry);
    env.start();
  }

  ConsistencyCheckWorkflow start(String checkId) {
    ConsistencyCheckWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ConsistencyCheckWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ConsistencyCheckWorkflow.WORKFLOW_ID_PREFIX + checkId)
                    .setTaskQueue(ConsistencyCheckWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(
        workflow::run, new CheckInput("op-" + checkId, "tester", null, null, false));
    return workflow;
  }

  /** Keeps a run's history for the workflows module's replay tests (RecordedHistories). */
  void record(String workflowId, String file) throws IOException {
    RecordedHistories.keep(env.getWorkflowClient(), workflowId, file);
  }

  /** The same for one run of a workflow; null for its latest. */
  void record(String workflowId, String runId, String file) throws IOException {
    RecordedHistories.keep(env.getWorkflowClient(), workflowId, runId, file);
  }

  @Override
  public void close() {
    env.close();
    orders.close();
  }
}
