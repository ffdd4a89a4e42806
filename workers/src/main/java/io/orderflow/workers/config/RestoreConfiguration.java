package io.orderflow.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.backup.BackupStore;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.RestoreLock;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.restore.DynamoDbRestoreActivities;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The full restore's activities (queue recovery) and the lock that allows one restore at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RestoreProperties.class)
class RestoreConfiguration {

  @Bean
  DynamoDbRestoreActivities restoreActivities(
      DynamoDbClient dynamo,
      Infrastructure infrastructure,
      BackupStore backups,
      ActiveTablesStore activeTables,
      ServiceModeStore modes,
      MeterRegistry meters,
      WorkflowClient client) {
    return new DynamoDbRestoreActivities(
            dynamo,
            backups,
            infrastructure.tables(),
            activeTables,
            modes,
            new EventCodec(),
            meters,
            Clock.systemUTC())
        .checkingWorkers(new TemporalWorkerCheck(client));
  }

  @Bean
  RestoreLock restoreLock(DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new RestoreLock(dynamo, infrastructure.tables().control());
  }
}
