package io.orderflow.workers.config;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.bootstrap.TopicBootstrap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Resolves the tables and topic before anything that uses them is built. With the bootstrap on (the
 * local default) it creates what is missing; in AWS, Terraform owns them and the topic ARN comes
 * from configuration.
 */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {
  private static final Logger log = LoggerFactory.getLogger(InfrastructureConfiguration.class);

  @Bean
  Infrastructure infrastructure(
      OrderflowProperties properties, DynamoDbClient dynamo, SnsClient sns, SqsClient sqs) {
    var tables = properties.dynamodb().tables();
    if (!properties.bootstrap().enabled()) {
      String arn = properties.sns().topicArn();
      if (arn == null || arn.isBlank()) {
        throw new IllegalStateException(
            "orderflow.sns.topic-arn must be set when orderflow.bootstrap.enabled=false");
      }
      return new Infrastructure(tables, arn, null);
    }
    List<String> created = new TableBootstrap(dynamo).createMissing(tables);
    log.info("bootstrap: tables created {}", created.isEmpty() ? "none (all present)" : created);
    TopicBootstrap.Topic topic = new TopicBootstrap(sns, sqs).ensure(properties.sns().topicName());
    log.info(
        "bootstrap: topic {} with inspection queue {}",
        topic.topicArn(),
        topic.inspectionQueueUrl());
    return new Infrastructure(tables, topic.topicArn(), topic.inspectionQueueUrl());
  }
}
