package io.orderflow.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.eventstore.ProjectionActivities;
import io.orderflow.order.Order;

/** The projection activity, with the event-processing meters of the projection processor. */
public final class DynamoDbProjectionActivities implements ProjectionActivities {
  static final String PROCESSOR = "order-summary";

  private final OrderSummaryProjection projection;
  private final Timer latency;
  private final Counter failures;

  public DynamoDbProjectionActivities(OrderSummaryProjection projection, MeterRegistry meters) {
    this.projection = projection;
    this.latency =
        Timer.builder("orderflow.events.processing.latency")
            .description("Time for a downstream processor to take in one commit")
            .tag("processor", PROCESSOR)
            .publishPercentileHistogram()
            .register(meters);
    this.failures =
        Counter.builder("orderflow.events.processing.failures")
            .description("Commits a downstream processor failed to take in (per attempt)")
            .tag("processor", PROCESSOR)
            .register(meters);
  }

  @Override
  public void projectOrder(Order state) {
    try {
      latency.record(() -> projection.upsert(state));
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
  }
}
