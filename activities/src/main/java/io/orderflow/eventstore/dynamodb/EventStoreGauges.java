package io.orderflow.eventstore.dynamodb;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Gauges that cost a DynamoDB call: the store's size (from DescribeTable) and the commits still
 * waiting for SNS (a count over the unpublished index). Each is refreshed at most once per
 * interval, so a scrape every few seconds does not turn into a DynamoDB call every few seconds; a
 * failed refresh keeps the last value (NaN before the first success) rather than failing the
 * scrape.
 */
public final class EventStoreGauges {
  /** The lag count stops here: past it, "very many" is the useful answer. */
  static final int LAG_COUNT_CAP = 10_000;

  private final UnpublishedIndex unpublished;
  private final Cached<TableDescription> description;
  private final Cached<Double> lag;

  public EventStoreGauges(
      DynamoDbClient dynamo, ActiveTables tables, Clock clock, MeterRegistry meters) {
    this.unpublished = new UnpublishedIndex(dynamo, tables);
    this.description =
        new Cached<>(
            clock,
            Duration.ofMinutes(1),
            () -> dynamo.describeTable(r -> r.tableName(tables.events())).table());
    this.lag = new Cached<>(clock, Duration.ofSeconds(30), this::countUnpublished);
    Gauge.builder("orderflow.events.store.items", this, g -> g.size(TableDescription::itemCount))
        .description("Commits in the event store, as DynamoDB reports them (AWS: every ~6 h)")
        .strongReference(true)
        .register(meters);
    Gauge.builder(
            "orderflow.events.store.bytes", this, g -> g.size(TableDescription::tableSizeBytes))
        .description("Bytes in the event store, as DynamoDB reports them (AWS: every ~6 h)")
        .baseUnit("bytes")
        .strongReference(true)
        .register(meters);
    Gauge.builder("orderflow.events.processing.lag", this, g -> orNaN(g.lag.get()))
        .description("Commits not yet published to SNS (capped at " + LAG_COUNT_CAP + ")")
        .strongReference(true)
        .register(meters);
  }

  private double size(java.util.function.Function<TableDescription, Long> field) {
    TableDescription d = description.get();
    Long value = d == null ? null : field.apply(d);
    return value == null ? Double.NaN : value;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private double countUnpublished() {
    return unpublished.count(LAG_COUNT_CAP);
  }

  /** A value fetched at most once per interval; keeps the last good value when a fetch fails. */
  private static final class Cached<T> {
    private final Clock clock;
    private final Duration ttl;
    private final Supplier<T> fetch;
    private T value;
    private Instant fetchedAt = Instant.MIN;

    Cached(Clock clock, Duration ttl, Supplier<T> fetch) {
      this.clock = clock;
      this.ttl = ttl;
      this.fetch = fetch;
    }

    synchronized T get() {
      Instant now = clock.instant();
      if (fetchedAt.plus(ttl).isBefore(now)) {
        fetchedAt = now;
        try {
          value = fetch.get();
        } catch (SdkException e) {
          // keep the last value: a scrape must not fail because DynamoDB is slow right now
        }
      }
      return value;
    }
  }
}
