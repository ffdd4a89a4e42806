package io.orderflow.eventstore.dynamodb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** The event store's meters, named as docs/operations/metrics.md lists them. */
final class EventStoreMetrics {
  private final Timer writeLatency;
  private final Timer readLatency;
  private final Counter eventsWritten;
  private final Counter writeFailures;
  private final Counter conflicts;
  private final Counter throttled;
  private final Counter writeCapacity;
  private final Counter readCapacity;

  EventStoreMetrics(MeterRegistry meters) {
    writeLatency =
        Timer.builder("orderflow.events.write.latency")
            .description("Time to append one commit to the event store")
            .publishPercentileHistogram()
            .register(meters);
    readLatency =
        Timer.builder("orderflow.events.read.latency")
            .description("Time to read one order's stream from the event store")
            .publishPercentileHistogram()
            .register(meters);
    eventsWritten =
        Counter.builder("orderflow.events.written").description("Events appended").register(meters);
    writeFailures =
        Counter.builder("orderflow.events.persistence.failures")
            .description("Appends that failed for a reason other than a concurrency conflict")
            .register(meters);
    conflicts =
        Counter.builder("orderflow.events.concurrency.conflicts")
            .description("Appends refused because another commit held the version")
            .register(meters);
    throttled =
        Counter.builder("orderflow.dynamodb.throttled")
            .description("DynamoDB requests refused for throughput")
            .register(meters);
    writeCapacity =
        Counter.builder("orderflow.dynamodb.consumed.capacity")
            .tag("kind", "write")
            .description("Capacity units DynamoDB reported as consumed")
            .register(meters);
    readCapacity =
        Counter.builder("orderflow.dynamodb.consumed.capacity")
            .tag("kind", "read")
            .description("Capacity units DynamoDB reported as consumed")
            .register(meters);
  }

  <T> T timeWrite(Supplier<T> write) {
    return writeLatency.record(write);
  }

  <T> T timeRead(Supplier<T> read) {
    return readLatency.record(read);
  }

  void written(int events, ConsumedCapacity capacity) {
    eventsWritten.increment(events);
    if (capacity != null && capacity.capacityUnits() != null) {
      writeCapacity.increment(capacity.capacityUnits());
    }
  }

  void read(ConsumedCapacity capacity) {
    if (capacity != null && capacity.capacityUnits() != null) {
      readCapacity.increment(capacity.capacityUnits());
    }
  }

  void conflict() {
    conflicts.increment();
  }

  void failed(RuntimeException e) {
    writeFailures.increment();
    if (e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException
        || e instanceof ThrottlingException) {
      throttled.increment();
    }
  }
}
