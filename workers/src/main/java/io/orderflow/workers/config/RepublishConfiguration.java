package io.orderflow.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.publication.SnsEventPublisher;
import io.orderflow.republish.SnsRepublishActivities;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The republish runbook's activities (queue recovery), sending through the same publisher as the
 * normal path. Public so that a test context can import it on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepublishProperties.class)
public class RepublishConfiguration {

  @Bean
  SnsRepublishActivities republishActivities(
      DynamoDbEventStore store,
      DynamoDbClient dynamo,
      ActiveTablesStore tables,
      EventExplorer explorer,
      SnsEventPublisher publisher,
      SqsClient sqs,
      RepublishProperties properties,
      MeterRegistry meters) {
    return new SnsRepublishActivities(
        store,
        dynamo,
        tables,
        explorer,
        publisher,
        sqs,
        properties.settings(),
        meters,
        Clock.systemUTC());
  }
}
