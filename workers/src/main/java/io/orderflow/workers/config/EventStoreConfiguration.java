package io.orderflow.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStoreActivities;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.eventstore.dynamodb.EventStoreGauges;
import io.orderflow.eventstore.dynamodb.UnpublishedIndex;
import io.orderflow.projection.DynamoDbProjectionActivities;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.publication.SnsEventPublisher;
import io.orderflow.publication.SnsPublicationActivities;
import io.orderflow.snapshot.OrderLoader;
import io.orderflow.snapshot.SnapshotPolicy;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The event store and the activities that Temporal workers host (named in application.yaml). */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

  /** Which events and snapshots tables serve: the configured ones until a full restore switches. */
  @Bean
  ActiveTablesStore activeTables(DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new ActiveTablesStore(dynamo, infrastructure.tables(), ACTIVE_TABLES_CACHE);
  }

  /** How stale an instance's view of the active tables may be; a restore waits longer. */
  static final Duration ACTIVE_TABLES_CACHE = Duration.ofSeconds(2);

  @Bean
  DynamoDbEventStore eventStore(
      DynamoDbClient dynamo, ActiveTablesStore tables, MeterRegistry meters) {
    return new DynamoDbEventStore(dynamo, tables, new EventCodec(), Clock.systemUTC(), meters);
  }

  @Bean
  EventExplorer eventExplorer(DynamoDbClient dynamo, ActiveTablesStore tables) {
    return new EventExplorer(dynamo, tables);
  }

  @Bean
  UnpublishedIndex unpublishedIndex(DynamoDbClient dynamo, ActiveTablesStore tables) {
    return new UnpublishedIndex(dynamo, tables);
  }

  @Bean
  EventStoreGauges eventStoreGauges(
      DynamoDbClient dynamo, ActiveTablesStore tables, MeterRegistry meters) {
    return new EventStoreGauges(dynamo, tables, Clock.systemUTC(), meters);
  }

  @Bean
  SnapshotStore snapshotStore(DynamoDbClient dynamo, ActiveTablesStore tables) {
    return new SnapshotStore(dynamo, tables);
  }

  @Bean
  OrderLoader orderLoader(
      DynamoDbEventStore store,
      SnapshotStore snapshots,
      OrderflowProperties properties,
      MeterRegistry meters) {
    OrderflowProperties.Snapshots policy = properties.snapshots();
    return new OrderLoader(
        store,
        snapshots,
        new SnapshotPolicy(policy.everyEvents(), policy.maxFoldedEvents(), policy.keep()),
        Clock.systemUTC(),
        meters);
  }

  @Bean
  OrderSummaryProjection orderSummaryProjection(
      DynamoDbClient dynamo, Infrastructure infrastructure, ProjectionGenerations generations) {
    return new OrderSummaryProjection(dynamo, infrastructure.tables(), generations);
  }

  /** Live writes go to every registered read model, the same ones a rebuild builds. */
  @Bean
  DynamoDbProjectionActivities projectionActivities(
      ProjectionRegistry registry, MeterRegistry meters) {
    return new DynamoDbProjectionActivities(registry, meters);
  }

  @Bean
  ServiceModeStore serviceModeStore(DynamoDbClient dynamo, Infrastructure infrastructure) {
    return new ServiceModeStore(dynamo, infrastructure.tables());
  }

  @Bean
  SnsEventPublisher eventPublisher(
      SnsClient sns, Infrastructure infrastructure, MeterRegistry meters) {
    return new SnsEventPublisher(sns, infrastructure.topicArn(), meters);
  }

  /**
   * Appends see the same pointer as every reader, revision included: a commit decided before a
   * switch is checked against the restored stream before it lands.
   */
  @Bean
  DynamoDbEventStoreActivities eventStoreActivities(
      DynamoDbEventStore store, ActiveTablesStore tables) {
    return new DynamoDbEventStoreActivities(
        store,
        fresh -> {
          if (fresh) {
            tables.forget();
          }
          ActiveTablesStore.Pointer pointer = tables.current();
          return new DynamoDbEventStoreActivities.Target(pointer.events(), pointer.revision());
        });
  }

  @Bean
  SnsPublicationActivities publicationActivities(
      DynamoDbEventStore store, SnsEventPublisher publisher, MeterRegistry meters) {
    return new SnsPublicationActivities(store, publisher, meters);
  }
}
