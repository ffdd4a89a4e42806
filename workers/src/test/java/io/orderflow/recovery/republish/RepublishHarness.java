package io.orderflow.recovery.republish;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.bootstrap.TopicBootstrap;
import io.orderflow.check.CheckVerdicts;
import io.orderflow.check.ConsistencyGauges;
import io.orderflow.check.DynamoDbConsistencyCheckActivities;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.publication.SnsEventPublisher;
import io.orderflow.recovery.RecordedHistories;
import io.orderflow.recovery.SubscriberQueue;
import io.orderflow.recovery.check.CheckInput;
import io.orderflow.recovery.check.CheckReport;
import io.orderflow.recovery.check.CheckSettings;
import io.orderflow.recovery.check.ConsistencyCheckWorkflow;
import io.orderflow.recovery.check.ConsistencyCheckWorkflowImpl;
import io.orderflow.recovery.restore.RealOrders;
import io.orderflow.republish.RepublishSettings;
import io.orderflow.republish.SnsRepublishActivities;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Real orders on the test dynalite whose commits never reached SNS (appended straight through the
 * event store), a fresh FIFO topic on the test fauxqs with a FIFO queue subscribed to it (what a
 * downstream consumer sees), the republish and check activities, and a Temporal test environment.
 */
final class RepublishHarness implements AutoCloseable {
  /** How long a dead-letter message read into a batch stays hidden. */
  static final Duration VISIBILITY = Duration.ofSeconds(5);

  final RealOrders orders;
  final AwsEndpoints aws =
      AwsEndpoints.local(
          System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
          System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"));
  final SnsClient sns = aws.snsClient();
  final SqsClient sqs = aws.sqsClient();
  final TopicBootstrap.Topic topic;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final DynamoDbOperationsRegistry registry;
  final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  RepublishHarness(int count) {
    orders = new RealOrders().create(count);
    registry = new DynamoDbOperationsRegistry(orders.dynamo, orders.tables, Clock.systemUTC());
    topic =
        new TopicBootstrap(sns, sqs).ensure("rp-" + UUID.randomUUID().toString().substring(0, 8));
  }

  SnsEventPublisher publisher(String topicArn) {
    return new SnsEventPublisher(sns, topicArn, meters);
  }

  SnsRepublishActivities republish(int eventsPerSecond, int batchSize, String deadLetterQueue) {
    return new SnsRepublishActivities(
        orders.store,
        orders.dynamo,
        orders.active,
        new EventExplorer(orders.dynamo, orders.active),
        publisher(topic.topicArn()),
        sqs,
        new RepublishSettings(
            eventsPerSecond, batchSize, Duration.ZERO, deadLetterQueue, VISIBILITY),
        meters,
        Clock.systemUTC());
  }

  void startWorker(RepublishActivities republish) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            RepublishWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(
        RepublishWorkflowImpl.class, ConsistencyCheckWorkflowImpl.class);
    OrderSummaryProjection projection = new OrderSummaryProjection(orders.dynamo, orders.tables);
    CheckVerdicts verdicts = new CheckVerdicts(orders.dynamo, orders.tables);
    worker.registerActivitiesImplementations(
        republish,
        new DynamoDbConsistencyCheckActivities(
            orders.dynamo,
            orders.active,
            projection,
            orders.codec,
            verdicts,
            new ConsistencyGauges(verdicts, Clock.systemUTC(), meters, false),
            new CheckSettings(2, 0)),
        registry);
    env.start();
  }

  RepublishWorkflow start(String id, RepublishInput input) {
    RepublishWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                RepublishWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(RepublishWorkflow.WORKFLOW_ID_PREFIX + id)
                    .setTaskQueue(RepublishWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, input);
    return workflow;
  }

  RepublishReport republish(String id, RepublishInput input) throws TimeoutException {
    return WorkflowStub.fromTyped(start(id, input))
        .getResult(120, TimeUnit.SECONDS, RepublishReport.class);
  }

  CheckReport check(String id) throws TimeoutException {
    ConsistencyCheckWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ConsistencyCheckWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ConsistencyCheckWorkflow.WORKFLOW_ID_PREFIX + id)
                    .setTaskQueue(ConsistencyCheckWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, new CheckInput("op-" + id, "tester", null, null, false));
    return WorkflowStub.fromTyped(workflow).getResult(120, TimeUnit.SECONDS, CheckReport.class);
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
