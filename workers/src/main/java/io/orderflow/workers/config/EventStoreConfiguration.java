package io.orderflow.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStoreActivities;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.publication.SnsEventPublisher;
import io.orderflow.publication.SnsPublicationActivities;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The event store and the activities that Temporal workers host (named in application.yaml). */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

  @Bean
  DynamoDbEventStore eventStore(
      DynamoDbClient dynamo, Infrastructure infrastructure, MeterRegistry meters) {
    return new DynamoDbEventStore(
        dynamo, infrastructure.tables(), new EventCodec(), Clock.systemUTC(), meters);
  }

  @Bean
  SnsEventPublisher eventPublisher(
      SnsClient sns, Infrastructure infrastructure, MeterRegistry meters) {
    return new SnsEventPublisher(sns, infrastructure.topicArn(), meters);
  }

  @Bean
  DynamoDbEventStoreActivities eventStoreActivities(DynamoDbEventStore store) {
    return new DynamoDbEventStoreActivities(store);
  }

  @Bean
  SnsPublicationActivities publicationActivities(
      DynamoDbEventStore store, SnsEventPublisher publisher, MeterRegistry meters) {
    return new SnsPublicationActivities(store, publisher, meters);
  }
}
