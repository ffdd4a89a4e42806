package io.orderflow.workers.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.replay.DynamoDbReplayActivities;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replay runbook's activities (queue recovery). */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

  @Bean
  DynamoDbReplayActivities replayActivities(
      DynamoDbEventStore store,
      SnapshotStore snapshots,
      OrderSummaryProjection projection,
      EventExplorer explorer,
      MeterRegistry meters) {
    return new DynamoDbReplayActivities(
        store, snapshots, projection, explorer, meters, Clock.systemUTC());
  }
}
