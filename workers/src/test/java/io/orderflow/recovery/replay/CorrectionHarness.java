package io.orderflow.recovery.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.bootstrap.TopicBootstrap;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.order.Order;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.workflow.OrderWorkflow;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.projection.ReadModel;
import io.orderflow.projection.RevenueProjection;
import io.orderflow.publication.SnsEventPublisher;
import io.orderflow.publication.SnsPublicationActivities;
import io.orderflow.recovery.RecordedHistories;
import io.orderflow.recovery.SubscriberQueue;
import io.orderflow.recovery.restore.RealOrders;
import io.orderflow.replay.DynamoDbReplayActivities;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Orders whose stored histories a shipped bug wrote (appended straight through the event store) on
 * the test dynalite, a fresh FIFO topic on the test fauxqs with a FIFO queue subscribed to it, and
 * a Temporal test environment with the replay runbook on {@code recovery} and the order worker's
 * publication activity on {@code orders}.
 */
final class CorrectionHarness implements AutoCloseable {
  final RealOrders orders = new RealOrders();
  final AwsEndpoints aws =
      AwsEndpoints.local(
          System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
          System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"));
  final SnsClient sns = aws.snsClient();
  final SqsClient sqs = aws.sqsClient();
  final TopicBootstrap.Topic topic =
      new TopicBootstrap(sns, sqs).ensure("rc-" + UUID.randomUUID().toString().substring(0, 8));
  final OrderSummaryProjection projection =
      new OrderSummaryProjection(orders.dynamo, orders.tables);
  final ProjectionRegistry readModels = ProjectionRegistry.around(projection);
  final DynamoDbOperationsRegistry registry =
      new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC());
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  /** Starts the workers; publication goes to {@code topicArn}. */
  CorrectionHarness start(String topicArn) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker recovery =
        env.newWorker(
            EventReplayWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    recovery.registerWorkflowImplementationTypes(EventReplayWorkflowImpl.class);
    recovery.registerActivitiesImplementations(
        new DynamoDbReplayActivities(
            orders.store,
            orders.snapshots,
            projection,
            new EventExplorer(orders.dynamo, orders.active),
            meters,
            Clock.systemUTC()),
        registry);
    env.newWorker(OrderWorkflow.TASK_QUEUE)
        .registerActivitiesImplementations(
            new SnsPublicationActivities(
                orders.store, new SnsEventPublisher(sns, topicArn, meters), meters));
    env.start();
    return this;
  }

  /**
   * Writes a history as the buggy code did: through the store, published and projected as the live
   * path would have.
   */
  String written(String orderId, Function<String, OrderEvent> created, OrderEvent... rest) {
    List<OrderEvent> events = new ArrayList<>(List.of(created.apply(orderId)));
    events.addAll(List.of(rest));
    String hash = NewCommit.GENESIS_HASH;
    long version = 0;
    for (OrderEvent event : events) {
      AppendResult result =
          orders.store.append(
              new NewCommit(
                  orderId,
                  version,
                  UUID.randomUUID().toString(),
                  hash,
                  List.of(new NewEvent(UUID.randomUUID().toString(), Instant.now(), event)),
                  new CommitMetadata("corr", "cause", "test", "order-" + orderId)));
      orders.store.markPublished(orderId, result.firstVersion());
      hash = result.hash();
      version = result.lastVersion();
    }
    Order state = orders.fold(orders.tables.events(), orderId);
    readModels.all().forEach(model -> model.upsert(state));
    orders.ids.add(orderId);
    return orderId;
  }

  RevenueProjection revenue() {
    return (RevenueProjection) readModels.find(RevenueProjection.NAME).orElseThrow();
  }

  List<ReadModel> models() {
    return List.copyOf(readModels.all());
  }

  ReplayReport replay(String workflowId, List<String> orderIds, boolean dryRun) throws Exception {
    EventReplayWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                EventReplayWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(EventReplayWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(
        workflow::run,
        new ReplayInput(
            "op-" + workflowId, orderIds, null, null, null, dryRun, "tester", 10, null));
    return WorkflowStub.fromTyped(workflow).getResult(60, TimeUnit.SECONDS, ReplayReport.class);
  }

  /** Every message the subscriber's queue holds now, each read once and deleted. */
  List<JsonNode> delivered() {
    return SubscriberQueue.drain(sqs, topic.inspectionQueueUrl());
  }

  /** Keeps a run's history for the workflows module's replay tests (RecordedHistories). */
  void record(String workflowId, String file) throws IOException {
    RecordedHistories.keep(env.getWorkflowClient(), workflowId, file);
  }

  @Override
  public void close() {
    env.close();
    sns.close();
    sqs.close();
    orders.close();
  }
}
