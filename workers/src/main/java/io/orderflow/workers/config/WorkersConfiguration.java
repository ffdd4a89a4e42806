package io.orderflow.workers.config;

import io.orderflow.workers.health.HealthConfiguration;
import io.orderflow.workers.logging.LoggingConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything a process needs to host orderflow's workers; the API imports it to co-host them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderflowProperties.class)
@Import({
  AwsConfiguration.class,
  CloudWatchMetricsConfiguration.class,
  InfrastructureConfiguration.class,
  EventStoreConfiguration.class,
  RecoveryConfiguration.class,
  RestoreConfiguration.class,
  OrderRecoveryConfiguration.class,
  ReplayConfiguration.class,
  ProjectionRebuildConfiguration.class,
  ConsistencyCheckConfiguration.class,
  RepublishConfiguration.class,
  EmbeddedTemporalConfiguration.class,
  LocalTemporalWorkerConfiguration.class,
  HealthConfiguration.class,
  LoggingConfiguration.class
})
public class WorkersConfiguration {}
