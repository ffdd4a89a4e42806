package io.orderflow.workers.config;

import io.orderflow.backup.BackupS3Client;
import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.S3BackupStore;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.backup.aws.DynamoDbNativeBackupActivities;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkerPlugin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The DR side: the operations registry, the backup store ({@code orderflow.backup.store}: a
 * directory or S3) and the backup activities (queue recovery); with {@code
 * orderflow.backup.native.enabled=true} also DynamoDB's own backups and restores.
 */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {
  private static final String NATIVE_ENABLED = "orderflow.backup.native.enabled";

  /** A 64 MiB part is minutes on a slow link, not the 5 s of a DynamoDB call. */
  private static final Duration S3_CALL_TIMEOUT = Duration.ofMinutes(10);

  @Bean
  DynamoDbOperationsRegistry operationsActivities(
      DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new DynamoDbOperationsRegistry(dynamo, infrastructure.tables(), Clock.systemUTC());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "orderflow.backup.store", havingValue = "s3")
  S3Client backupS3Client(OrderflowProperties properties) {
    String endpoint = backup(properties).endpoint();
    return BackupS3Client.create(
        properties.aws().region(),
        endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint)),
        S3_CALL_TIMEOUT);
  }

  @Bean
  BackupStore backupStore(
      OrderflowProperties properties, @Qualifier("backupS3Client") ObjectProvider<S3Client> s3) {
    OrderflowProperties.Backup backup = backup(properties);
    return switch (backup.store()) {
      case DIRECTORY -> new DirectoryBackupStore(Path.of(backup.directory()));
      case S3 -> {
        if (backup.bucket() == null || backup.bucket().isBlank()) {
          throw new IllegalStateException(
              "orderflow.backup.store=s3 needs orderflow.backup.bucket (docs/runbooks/backup.md)");
        }
        S3BackupStore store = new S3BackupStore(s3.getObject(), backup.bucket(), backup.prefix());
        if (properties.bootstrap() != null && properties.bootstrap().enabled()) {
          store.createBucketIfMissing(); // the local stack, like its tables and topic
        }
        yield store;
      }
    };
  }

  @Bean
  DynamoDbBackupActivities backupActivities(
      DynamoDbClient dynamo, ActiveTablesStore tables, BackupStore store) {
    return new DynamoDbBackupActivities(dynamo, tables, store, SegmentExporter.Settings.defaults());
  }

  @Bean
  @ConditionalOnProperty(name = NATIVE_ENABLED, havingValue = "true")
  DynamoDbNativeBackupActivities nativeBackupActivities(
      DynamoDbClient dynamo, OrderflowProperties properties) {
    return new DynamoDbNativeBackupActivities(
        dynamo,
        new DynamoDbNativeBackupActivities.Settings(
            backup(properties).nativeBackup().pollInterval()));
  }

  /**
   * Puts the native activities on the recovery worker. A bean named in the worker's {@code
   * activity-beans} must always exist, and this one exists only when enabled.
   */
  @Bean
  @ConditionalOnProperty(name = NATIVE_ENABLED, havingValue = "true")
  WorkerPlugin nativeBackupWorkerPlugin(DynamoDbNativeBackupActivities activities) {
    return new RecoveryActivitiesPlugin("orderflow-native-backup", activities);
  }

  static OrderflowProperties.Backup backup(OrderflowProperties properties) {
    return properties.backup() == null
        ? OrderflowProperties.Backup.defaults()
        : properties.backup();
  }

  /** Registers activities on the {@code recovery} worker when the factory creates it. */
  record RecoveryActivitiesPlugin(String name, Object activities) implements WorkerPlugin {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public void initializeWorker(String taskQueue, Worker worker) {
      if (BackupWorkflow.TASK_QUEUE.equals(taskQueue)) {
        worker.registerActivitiesImplementations(activities);
      }
    }

    @Override
    public void configureWorkerFactory(WorkerFactoryOptions.Builder builder) {}

    @Override
    public void configureWorker(String taskQueue, WorkerOptions.Builder builder) {}

    @Override
    public void startWorker(String taskQueue, Worker worker, BiConsumer<String, Worker> next) {
      next.accept(taskQueue, worker);
    }

    @Override
    public void shutdownWorker(String taskQueue, Worker worker, BiConsumer<String, Worker> next) {
      next.accept(taskQueue, worker);
    }

    @Override
    public void startWorkerFactory(WorkerFactory factory, Consumer<WorkerFactory> next) {
      next.accept(factory);
    }

    @Override
    public void shutdownWorkerFactory(WorkerFactory factory, Consumer<WorkerFactory> next) {
      next.accept(factory);
    }

    @Override
    public void replayWorkflowExecution(
        Worker worker, WorkflowExecutionHistory history, ReplayCallback callback) throws Exception {
      callback.replay(worker, history);
    }
  }
}
