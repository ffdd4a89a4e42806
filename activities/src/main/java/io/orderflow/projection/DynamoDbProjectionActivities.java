package io.orderflow.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.eventstore.ProjectionActivities;
import io.orderflow.order.Order;
import java.util.ArrayList;
import java.util.List;

/**
 * The projection activity: every registered read model takes the order, each with the
 * event-processing meters of its processor (tagged with the model's name).
 */
public final class DynamoDbProjectionActivities implements ProjectionActivities {
  private final List<Processor> processors = new ArrayList<>();

  /** The order summary given and every other standard read model beside it. */
  public DynamoDbProjectionActivities(OrderSummaryProjection projection, MeterRegistry meters) {
    this(ProjectionRegistry.around(projection), meters);
  }

  public DynamoDbProjectionActivities(ProjectionRegistry registry, MeterRegistry meters) {
    for (ReadModel model : registry.all()) {
      processors.add(new Processor(model, meters));
    }
  }

  /**
   * Upserts the order into every read model. A model that fails fails the call, and the retry
   * writes the others again, which changes nothing: their rows are at this version already.
   */
  @Override
  public void projectOrder(Order state) {
    for (Processor processor : processors) {
      processor.take(state);
    }
  }

  private static final class Processor {
    private final ReadModel model;
    private final Timer latency;
    private final Counter failures;

    Processor(ReadModel model, MeterRegistry meters) {
      this.model = model;
      this.latency =
          Timer.builder("orderflow.events.processing.latency")
              .description("Time for a downstream processor to take in one commit")
              .tag("processor", model.name())
              .publishPercentileHistogram()
              .register(meters);
      this.failures =
          Counter.builder("orderflow.events.processing.failures")
              .description("Commits a downstream processor failed to take in (per attempt)")
              .tag("processor", model.name())
              .register(meters);
    }

    void take(Order state) {
      try {
        latency.record(() -> model.upsert(state));
      } catch (RuntimeException e) {
        failures.increment();
        throw e;
      }
    }
  }
}
