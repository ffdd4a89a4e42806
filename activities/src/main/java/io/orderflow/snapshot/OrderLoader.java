package io.orderflow.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.eventstore.dynamodb.StreamTail;
import io.orderflow.order.Order;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loads an order. First one query for the stream's newest commits ({@link #FIRST_PAGE}, or the
 * snapshot policy's {@code everyEvents} when that is smaller): when that page reaches version 1 and
 * the policy would not snapshot the result, the page is the whole order and the load is done in one
 * round trip, without looking for a snapshot (an order of a normal lifecycle never has one).
 * Otherwise the latest snapshot whose state schema is today's is looked up, and only the events
 * after it are folded: from the page when the snapshot falls inside it, else from a read after the
 * snapshot. A snapshot of an older state schema is ignored, never misread, and replaced by a fresh
 * one when the policy says so. docs/decisions.md, "Order loads read the stream's newest page
 * first".
 */
public final class OrderLoader {
  /**
   * Commits in the first, newest-first page: more than any lifecycle the state machine allows
   * (created … refunded is 6 events, plus the odd correction), so a normal order is one query, and
   * few enough that a long order whose snapshot is near the head reads little before looking it up.
   */
  static final int FIRST_PAGE = 10;

  /** Whether a load used a snapshot. */
  public enum SnapshotUse {
    /** The newest page was the whole stream; no snapshot was looked up. */
    NOT_NEEDED,
    /** A usable snapshot was found and only the events after it were folded. */
    HIT,
    /** No usable snapshot: the whole stream was folded. */
    MISS
  }

  private final DynamoDbEventStore events;
  private final SnapshotStore snapshots;
  private final SnapshotPolicy policy;
  private final Clock clock;
  private final Timer notNeededLatency;
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
    this.notNeededLatency = loadTimer(meters, "not_needed");
    this.hitLatency = loadTimer(meters, "hit");
    this.missLatency = loadTimer(meters, "miss");
    this.hits = snapshotCounter(meters, "hit");
    this.misses = snapshotCounter(meters, "miss");
    this.staleSnapshots =
        Counter.builder("orderflow.snapshots.stale")
            .description("Snapshots ignored because their state schema is older than the code's")
            .register(meters);
  }

  /** How many of the newest commits a load reads first under {@code policy}. */
  public static int firstPage(SnapshotPolicy policy) {
    return Math.min(FIRST_PAGE, policy.everyEvents());
  }

  /** What a load found, and what it cost. */
  public record Loaded(Order order, SnapshotUse snapshot, int foldedEvents) {
    /** Whether the load started from a snapshot. */
    public boolean snapshotHit() {
      return snapshot == SnapshotUse.HIT;
    }
  }

  /** The order at its latest version; {@code order().exists()} is false for an unknown id. */
  public Loaded load(String orderId) {
    long start = System.nanoTime();
    StreamTail tail = events.readTail(orderId, firstPage(policy));
    if (tail.isEmpty() || tail.fromStart()) {
      List<StoredEvent> all = tail.eventsAfter(0);
      Order state = fold(Order.initial(orderId), all);
      // Without a snapshot lookup the policy can only be asked as if there were none; when it
      // would then take one, the lookup below decides (the order may already have it).
      if (!state.exists() || !policy.due(0, state.version(), all.size())) {
        notNeededLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new Loaded(state, SnapshotUse.NOT_NEEDED, all.size());
      }
    }

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
    long snapshotVersion = usable.map(SnapshotStore.StoredSnapshot::version).orElse(0L);
    List<StoredEvent> after =
        tail.holdsEverythingAfter(snapshotVersion)
            ? tail.eventsAfter(snapshotVersion)
            : events.readEventsAfterCommit(orderId, snapshotVersion);
    state = fold(state, after);
    boolean hit = usable.isPresent();
    (hit ? hits : misses).increment();
    (hit ? hitLatency : missLatency).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    if (state.exists() && policy.due(snapshotVersion, state.version(), after.size())) {
      snapshots.save(new OrderSnapshot(state, Order.STATE_SCHEMA_VERSION, clock.instant()));
      snapshots.prune(orderId, policy.keep());
    }
    return new Loaded(state, hit ? SnapshotUse.HIT : SnapshotUse.MISS, after.size());
  }

  private Order fold(Order state, List<StoredEvent> stored) {
    for (StoredEvent event : stored) {
      state = state.apply(events.codec().decode(event));
    }
    return state;
  }

  private static Timer loadTimer(MeterRegistry meters, String snapshot) {
    return Timer.builder("orderflow.orders.load.latency")
        .description(
            "Time to load an order from the store, by whether a snapshot was used"
                + " (not_needed: the stream's newest page was all of it)")
        .tag("snapshot", snapshot)
        .publishPercentileHistogram()
        .register(meters);
  }

  private static Counter snapshotCounter(MeterRegistry meters, String result) {
    return Counter.builder("orderflow.snapshots.lookups")
        .description("Snapshot lookups of order loads, by whether a usable snapshot was found")
        .tag("result", result)
        .register(meters);
  }
}
