package io.orderflow.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.check.CheckVerdicts;
import io.orderflow.check.ConsistencyGauges;
import io.orderflow.check.DynamoDbConsistencyCheckActivities;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.projection.OrderSummaryProjection;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The consistency check (queue recovery): its activities, the gauges every instance reports from
 * the last verdict, and, in a process that runs the workers, the cron schedule. Public so that a
 * test context can import it on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsistencyCheckProperties.class)
public class ConsistencyCheckConfiguration {
  private static final String WORKER_ENABLED = "orderflow.worker.enabled";

  @Bean
  CheckVerdicts checkVerdicts(DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new CheckVerdicts(dynamo, infrastructure.tables());
  }

  @Bean
  ConsistencyGauges consistencyGauges(
      CheckVerdicts verdicts,
      MeterRegistry meters,
      ConsistencyCheckProperties properties,
      @Value("${" + WORKER_ENABLED + ":true}") boolean workerEnabled) {
    return new ConsistencyGauges(
        verdicts, Clock.systemUTC(), meters, workerEnabled && properties.scheduled());
  }

  @Bean
  DynamoDbConsistencyCheckActivities consistencyCheckActivities(
      DynamoDbClient dynamo,
      ActiveTablesStore tables,
      OrderSummaryProjection projection,
      CheckVerdicts verdicts,
      ConsistencyGauges gauges,
      ConsistencyCheckProperties properties) {
    return new DynamoDbConsistencyCheckActivities(
        dynamo, tables, projection, new EventCodec(), verdicts, gauges, properties.settings());
  }

  @Bean
  @ConditionalOnProperty(name = WORKER_ENABLED, havingValue = "true", matchIfMissing = true)
  ScheduledConsistencyCheck scheduledConsistencyCheck(
      WorkflowClient client, ConsistencyCheckProperties properties) {
    return new ScheduledConsistencyCheck(client, properties.cron());
  }
}
