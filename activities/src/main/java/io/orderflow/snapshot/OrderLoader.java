package io.orderflow.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.Order;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loads an order: the latest snapshot whose state schema is today's, then only the events after it.
 * A snapshot of an older state schema is ignored, never misread, and replaced by a fresh one.
 */
public final class OrderLoader {
  private final DynamoDbEventStore events;
  private final SnapshotStore snapshots;
  private final SnapshotPolicy policy;
  private final Clock clock;
  private final Timer hitLatency;
  private final Timer missLatency;
  private final Counter hits;
  private final Counter misses;
  private final Counter staleSnapshots;

  public OrderLoader(
      DynamoDbEventStore events,
      SnapshotStore snapshots,
      SnapshotPolicy policy,
      Clock clock,
      MeterRegistry meters) {
    this.events = events;
    this.snapshots = snapshots;
    this.policy = policy;
    this.clock = clock;
    this.hitLatency = loadTimer(meters, "hit");
    this.missLatency = loadTimer(meters, "miss");
    this.hits = snapshotCounter(meters, "hit");
    this.misses = snapshotCounter(meters, "miss");
    this.staleSnapshots =
        Counter.builder("orderflow.snapshots.stale")
            .description("Snapshots ignored because their state schema is older than the code's")
            .register(meters);
  }

  /** What a load found, and what it cost. */
  public record Loaded(Order order, boolean snapshotHit, int foldedEvents) {}

  /** The order at its latest version; {@code order().exists()} is false for an unknown id. */
  public Loaded load(String orderId) {
    long start = System.nanoTime();
    Optional<SnapshotStore.StoredSnapshot> stored = snapshots.latest(orderId);
    Optional<SnapshotStore.StoredSnapshot> usable =
        stored.filter(s -> s.stateSchemaVersion() == Order.STATE_SCHEMA_VERSION);
    Optional<Order> fromSnapshot = usable.flatMap(snapshots::tryDecode);
    if (fromSnapshot.isEmpty()) {
      usable = Optional.empty();
    }
    if (stored.isPresent() && usable.isEmpty()) {
      staleSnapshots.increment();
    }
    Order state = fromSnapshot.orElse(Order.initial(orderId));
    List<StoredEvent> after = events.readEventsAfterCommit(orderId, state.version());
    for (StoredEvent event : after) {
      state = state.apply(events.codec().decode(event));
    }
    boolean hit = usable.isPresent();
    (hit ? hits : misses).increment();
    (hit ? hitLatency : missLatency).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    long snapshotVersion = usable.map(SnapshotStore.StoredSnapshot::version).orElse(0L);
    if (state.exists() && policy.due(snapshotVersion, state.version(), after.size())) {
      snapshots.save(new OrderSnapshot(state, Order.STATE_SCHEMA_VERSION, clock.instant()));
      snapshots.prune(orderId, policy.keep());
    }
    return new Loaded(state, hit, after.size());
  }

  private static Timer loadTimer(MeterRegistry meters, String snapshot) {
    return Timer.builder("orderflow.orders.load.latency")
        .description("Time to load an order from the store, by whether a snapshot was used")
        .tag("snapshot", snapshot)
        .publishPercentileHistogram()
        .register(meters);
  }

  private static Counter snapshotCounter(MeterRegistry meters, String result) {
    return Counter.builder("orderflow.snapshots.lookups")
        .description("Order loads, by whether a usable snapshot was found")
        .tag("result", result)
        .register(meters);
  }
}
