package io.orderflow.recovery.rebuild;

import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.rebuild.DynamoDbProjectionRebuildActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A worker in a process of its own, so that a test can kill it for real: hosts the projection
 * rebuild workflow and its real activities on one task queue. Arguments: Temporal target, DynamoDB
 * endpoint, table prefix, task queue, milliseconds each scan page is held (a slow network, so that
 * a kill lands in the middle of a segment), items per scan page.
 */
public final class RebuildWorkerProcess {
  private RebuildWorkerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    String temporal = args[0];
    TableNames tables = TableNames.defaults().prefixed(args[2]);
    String taskQueue = args[3];
    long delayMillis = Long.parseLong(args[4]);
    int pageLimit = Integer.parseInt(args[5]);

    DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(args[1]))
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(new SlowScans(delayMillis)))
            .build();
    ProjectionGenerations generations =
        new ProjectionGenerations(dynamo, tables.control(), Duration.ofMillis(200));
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal).build());
    WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    Worker worker =
        factory.newWorker(
            taskQueue,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(200))
                // as LocalTemporalWorkerConfiguration: the local server never gives up on the
                // sticky queue of a dead worker
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .build());
    worker.registerWorkflowImplementationTypes(ProjectionRebuildWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbProjectionRebuildActivities(
            dynamo,
            ProjectionRegistry.standard(dynamo, tables, generations),
            generations,
            new ActiveTablesStore(dynamo, tables, Duration.ofMillis(200)),
            new EventCodec(),
            Clock.systemUTC(),
            new DynamoDbProjectionRebuildActivities.Settings(pageLimit)),
        new DynamoDbOperationsRegistry(dynamo, tables, Clock.systemUTC()));
    factory.start();
    System.out.println("rebuild worker polling " + taskQueue);
    Thread.currentThread().join();
  }

  /** Holds every scan request for a while: the scan crawls, and heartbeats between pages. */
  private record SlowScans(long millis) implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes a) {
      if (millis > 0 && context.request() instanceof ScanRequest) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
