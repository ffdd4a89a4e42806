package io.orderflow.recovery.restore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.restore.DynamoDbRestoreActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.net.URI;
import java.nio.file.Path;
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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * A worker in a process of its own, so that a test can kill it for real: hosts the full restore
 * workflow and its real activities on one task queue. Arguments: Temporal target, DynamoDB
 * endpoint, table prefix, backup directory, task queue, milliseconds each BatchWriteItem is held (a
 * slow network, so that a kill lands in the middle of a file).
 */
public final class RestoreWorkerProcess {
  private RestoreWorkerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    String temporal = args[0];
    String dynamoEndpoint = args[1];
    TableNames tables = TableNames.defaults().prefixed(args[2]);
    Path backups = Path.of(args[3]);
    String taskQueue = args[4];
    long delayMillis = Long.parseLong(args[5]);

    DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(dynamoEndpoint))
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(new SlowBatches(delayMillis)))
            .build();
    ActiveTablesStore active = new ActiveTablesStore(dynamo, tables, Duration.ofMillis(200));
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
    worker.registerWorkflowImplementationTypes(FullRestoreWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbRestoreActivities(
            dynamo,
            new DirectoryBackupStore(backups),
            tables,
            active,
            new ServiceModeStore(dynamo, tables),
            new EventCodec(),
            new SimpleMeterRegistry(),
            Clock.systemUTC()),
        new DynamoDbOperationsRegistry(dynamo, tables, Clock.systemUTC()));
    factory.start();
    System.out.println("restore worker polling " + taskQueue);
    Thread.currentThread().join();
  }

  /** Holds every BatchWriteItem for a while: the import crawls, and heartbeats between batches. */
  private record SlowBatches(long millis) implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes a) {
      if (millis > 0 && context.request() instanceof BatchWriteItemRequest) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
