package io.orderflow.order.workflow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStoreActivities;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.CreateOrder;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.workflow.OrderWorkflowAfterRestoreOnDynaliteTest.MarkPublished;
import io.orderflow.order.workflow.OrderWorkflowAfterRestoreOnDynaliteTest.NoProjection;
import io.orderflow.order.workflow.OrderWorkflowAfterRestoreOnDynaliteTest.RecordedAppends;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An order workflow on the Temporal test environment with the real append activity on the test
 * dynalite (-Dorderflow.it.dynamodb), wired as the workers wire it, on fresh prefixed tables: what
 * the specifications of a workflow under a changing stream share.
 */
abstract class OrderWorkflowOnDynalite {
  final DynamoDbClient dynamo =
      AwsEndpoints.local(
              System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
              System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))
          .dynamoDbClient();
  final TableNames tables;
  final ActiveTablesStore active;
  final DynamoDbEventStore store;
  final RecordedAppends appends;
  final String orderId = "o-" + UUID.randomUUID();
  TestWorkflowEnvironment testEnv;
  WorkflowClient client;

  /**
   * @param prefix a letter naming the test's tables, before a random part
   */
  OrderWorkflowOnDynalite(String prefix) {
    tables =
        TableNames.defaults().prefixed(prefix + UUID.randomUUID().toString().substring(0, 8) + "_");
    active = new ActiveTablesStore(dynamo, tables, Duration.ZERO);
    store =
        new DynamoDbEventStore(
            dynamo, active, new EventCodec(), Clock.systemUTC(), new SimpleMeterRegistry());
    appends =
        new RecordedAppends(
            new DynamoDbEventStoreActivities(
                store,
                fresh -> {
                  if (fresh) {
                    active.forget();
                  }
                  ActiveTablesStore.Pointer p = active.current();
                  return new DynamoDbEventStoreActivities.Target(p.events(), p.revision());
                }));
  }

  @BeforeEach
  void startWorker() {
    new TableBootstrap(dynamo).createMissing(tables);
    testEnv = TestWorkflowEnvironment.newInstance();
    Worker worker = testEnv.newWorker(OrderWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(appends, new MarkPublished(store), new NoProjection());
    testEnv.start();
    client = testEnv.getWorkflowClient();
  }

  @AfterEach
  void stopWorker() {
    testEnv.close();
    dynamo.close();
  }

  /** Creates the order as the API does: update-with-start, waiting for the persisted order. */
  Order create() {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflow.workflowId(orderId))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    return WorkflowClient.executeUpdateWithStart(
        workflow::create,
        new CreateOrder(
            orderId, "c-1", "EUR", List.of(new LineItem("SKU-1", 2, new BigDecimal("12.50")))),
        metadata("req-create"),
        UpdateOptions.<Order>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(workflow::run, OrderWorkflowInput.newOrder(orderId)));
  }

  CommitMetadata metadata(String request) {
    return new CommitMetadata("corr-1", request, "alice", OrderWorkflow.workflowId(orderId));
  }
}
