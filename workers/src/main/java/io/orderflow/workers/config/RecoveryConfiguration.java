package io.orderflow.workers.config;

import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DR side: the operations registry and the backup store and activities (queue recovery). */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

  @Bean
  DynamoDbOperationsRegistry operationsActivities(
      DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new DynamoDbOperationsRegistry(dynamo, infrastructure.tables(), Clock.systemUTC());
  }

  @Bean
  BackupStore backupStore(OrderflowProperties properties) {
    return new BackupStore(Path.of(backup(properties).directory()));
  }

  @Bean
  DynamoDbBackupActivities backupActivities(
      DynamoDbClient dynamo, ActiveTablesStore tables, BackupStore store) {
    return new DynamoDbBackupActivities(dynamo, tables, store, SegmentExporter.Settings.defaults());
  }

  static OrderflowProperties.Backup backup(OrderflowProperties properties) {
    return properties.backup() == null
        ? new OrderflowProperties.Backup(null, 0)
        : properties.backup();
  }
}
