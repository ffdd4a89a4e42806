package io.orderflow.workers.health;

import io.orderflow.control.ServiceModeStore;
import io.orderflow.workers.config.Infrastructure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The indicators; bean names become the health component names (dynamodb, sns, ...). */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

  @Bean
  DynamoDbHealthIndicator dynamodbHealthIndicator(
      DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new DynamoDbHealthIndicator(dynamo, infrastructure);
  }

  @Bean
  SnsHealthIndicator snsHealthIndicator(SnsClient sns, Infrastructure infrastructure) {
    return new SnsHealthIndicator(sns, infrastructure);
  }

  @Bean
  TemporalHealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs) {
    return new TemporalHealthIndicator(stubs);
  }

  @Bean
  ServiceModeHealthIndicator serviceModeHealthIndicator(ServiceModeStore store) {
    return new ServiceModeHealthIndicator(store);
  }
}
