package io.orderflow.workers.config;

import io.orderflow.backup.BackupStore;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.orderrecovery.DynamoDbOrderRecoveryActivities;
import io.orderflow.orderrecovery.QuarantineStore;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Single-order recovery (queue recovery): its activities and the quarantine table they move
 * differing live commits into. Public so that a test context can import it on its own.
 */
@Configuration(proxyBeanMethods = false)
public class OrderRecoveryConfiguration {

  @Bean
  QuarantineStore quarantineStore(DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new QuarantineStore(dynamo, infrastructure.tables().quarantine());
  }

  @Bean
  DynamoDbOrderRecoveryActivities orderRecoveryActivities(
      DynamoDbClient dynamo,
      ActiveTablesStore tables,
      BackupStore backups,
      QuarantineStore quarantine,
      SnapshotStore snapshots,
      OrderSummaryProjection projection,
      OrderflowProperties properties) {
    return new DynamoDbOrderRecoveryActivities(
        dynamo,
        tables,
        backups,
        quarantine,
        snapshots,
        projection,
        Clock.systemUTC(),
        properties.snapshots().keep());
  }
}
