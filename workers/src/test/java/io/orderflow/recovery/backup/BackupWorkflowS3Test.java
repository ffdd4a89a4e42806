package io.orderflow.recovery.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupS3Client;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.S3BackupStore;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.operations.DynamoDbOperationsRegistry;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The backup workflow with the real activities, from the test dynalite into a bucket of the test
 * fauxqs ({@code orderflow.backup.store=s3}).
 */
class BackupWorkflowS3Test {
  static final int ORDERS = 30;
  static final int COMMITS = 3;
  static final String PREFIX = "backups";

  final LocalTables local = new LocalTables().fill(ORDERS, COMMITS);
  final DynamoDbOperationsRegistry registry =
      new DynamoDbOperationsRegistry(local.dynamo, local.tables, Clock.systemUTC());
  final S3Client s3 =
      BackupS3Client.create(
          "us-east-1",
          Optional.of(URI.create(System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))),
          Duration.ofSeconds(30));
  final String bucket = "orderflow-wf-" + UUID.randomUUID().toString().substring(0, 8);
  @TempDir Path staging;
  TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  BackupWorkflowS3Test() {
    s3.createBucket(b -> b.bucket(bucket));
  }

  @AfterEach
  void close() {
    env.close();
    local.close();
    keys("").forEach(key -> s3.deleteObject(d -> d.bucket(bucket).key(key)));
    s3.deleteBucket(b -> b.bucket(bucket));
    s3.close();
  }

  S3BackupStore store() {
    return new S3BackupStore(
        s3, bucket, PREFIX, new S3BackupStore.Settings(64 << 20, 16 << 20, staging));
  }

  BackupActivities realActivities() {
    return new DynamoDbBackupActivities(
        local.dynamo, local.tables, store(), new SegmentExporter.Settings(10, 25));
  }

  BackupWorkflow start(BackupActivities activities, String backupId) {
    LocalTemporalServer.SEARCH_ATTRIBUTES.forEach(env::registerSearchAttribute);
    Worker worker =
        env.newWorker(
            BackupWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(BackupWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities, registry);
    env.start();
    BackupWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                BackupWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(BackupWorkflow.WORKFLOW_ID_PREFIX + backupId)
                    .setTaskQueue(BackupWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, new BackupInput("op-" + backupId, backupId, 4, "tester"));
    return workflow;
  }

  @Test
  @DisplayName("a backup into S3 exports both tables, is listed and every object verifies")
  void backsUpIntoS3() throws TimeoutException {
    BackupWorkflow workflow = start(realActivities(), "b-s3");
    BackupResult result =
        WorkflowStub.fromTyped(workflow).getResult(30, TimeUnit.SECONDS, BackupResult.class);

    assertThat(result.items())
        .containsEntry(local.tables.events(), (long) ORDERS * COMMITS)
        .containsEntry(local.tables.snapshots(), (long) ORDERS);
    assertThat(registry.find("op-b-s3").orElseThrow().status()).isEqualTo("SUCCEEDED");
    assertThat(store().list()).extracting(BackupManifest::backupId).containsExactly("b-s3");
    BackupManifest manifest = store().read("b-s3").orElseThrow();
    assertThat(manifest.items()).isEqualTo((long) ORDERS * COMMITS + ORDERS);
    assertThat(manifest.tables().stream().flatMap(t -> t.files().stream()))
        .isNotEmpty()
        .allSatisfy(file -> assertThat(store().verify("b-s3", file)).as(file.path()).isTrue());
    assertThat(store().ordersIndex("b-s3")).hasSize(ORDERS);
  }

  @Test
  @DisplayName("a cancelled backup into S3 removes every object it wrote and records CANCELLED")
  void cancelRemovesTheObjects() throws InterruptedException {
    SlowSnapshots slow = new SlowSnapshots(realActivities());
    BackupWorkflow workflow = start(slow, "b-cancel");
    assertThat(slow.exportingSnapshots.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keys(PREFIX + "/b-cancel/")).isNotEmpty(); // the events are in the bucket

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(workflow)
                    .getResult(30, TimeUnit.SECONDS, BackupResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(keys(PREFIX + "/b-cancel/")).isEmpty();
    assertThat(store().list()).isEmpty();
    assertThat(registry.find("op-b-cancel").orElseThrow().status()).isEqualTo("CANCELLED");
  }

  private List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
        .map(o -> o.key())
        .toList();
  }
}
