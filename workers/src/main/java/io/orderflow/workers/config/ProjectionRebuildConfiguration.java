package io.orderflow.workers.config;

import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.projection.RevenueProjection;
import io.orderflow.rebuild.DynamoDbProjectionRebuildActivities;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The read models by name, their generation pointers and the projection rebuild's activities (queue
 * recovery). Public so that a test can import it on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionRebuildProperties.class)
public class ProjectionRebuildConfiguration {
  /** How stale an instance's view of a read model's generation may be; a rebuild waits longer. */
  static final Duration GENERATION_CACHE = Duration.ofSeconds(2);

  @Bean
  ProjectionGenerations projectionGenerations(
      DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new ProjectionGenerations(dynamo, infrastructure.tables().control(), GENERATION_CACHE);
  }

  @Bean
  RevenueProjection revenueProjection(
      DynamoDbClient dynamo, Infrastructure infrastructure, ProjectionGenerations generations) {
    return new RevenueProjection(dynamo, infrastructure.tables(), generations);
  }

  /** The registered read models: what the rebuild can build, by name. */
  @Bean
  ProjectionRegistry projectionRegistry(
      OrderSummaryProjection orderSummary, RevenueProjection revenue) {
    return new ProjectionRegistry(List.of(orderSummary, revenue));
  }

  @Bean
  DynamoDbProjectionRebuildActivities projectionRebuildActivities(
      DynamoDbClient dynamo,
      ProjectionRegistry registry,
      ProjectionGenerations generations,
      ActiveTablesStore activeTables,
      ProjectionRebuildProperties properties) {
    return new DynamoDbProjectionRebuildActivities(
        dynamo,
        registry,
        generations,
        activeTables,
        new EventCodec(),
        Clock.systemUTC(),
        new DynamoDbProjectionRebuildActivities.Settings(properties.scanPageLimit()));
  }
}
