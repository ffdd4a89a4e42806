package io.orderflow.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.order.Order;
import io.orderflow.order.RecordedEvent;
import io.orderflow.snapshot.OrderLoader;
import io.orderflow.snapshot.SnapshotPolicy;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Load latency of one order per size, with a snapshot {@code tail} events before its end (through
 * {@link OrderLoader}, which reads an order shorter than its first page without looking the
 * snapshot up) and without one (the whole stream read and folded). Samples of every size and both
 * variants are interleaved, so noise spreads over all of them.
 */
final class LoadLatency {
  record Cell(int events, Latencies withSnapshot, Latencies withoutSnapshot) {}

  private final DynamoDbEventStore store;
  private final SnapshotStore snapshots;
  private final MeterRegistry meters;

  LoadLatency(DynamoDbEventStore store, SnapshotStore snapshots, MeterRegistry meters) {
    this.store = store;
    this.snapshots = snapshots;
    this.meters = meters;
  }

  List<Cell> measure(List<Integer> sizes, int tail, int warmup, int samples) {
    // The measuring loader runs the production policy; with a tail under its thresholds no load
    // takes a new snapshot, so every timed load reads the same thing.
    OrderLoader loader =
        new OrderLoader(store, snapshots, SnapshotPolicy.defaults(), Clock.systemUTC(), meters);
    Map<Integer, String> orders = new LinkedHashMap<>();
    for (int size : sizes) {
      orders.put(size, prepare(size, tail));
    }
    for (Map.Entry<Integer, String> e : orders.entrySet()) {
      check(loader.load(e.getValue()), e.getKey(), tail);
    }
    Map<Integer, long[]> with = new LinkedHashMap<>();
    Map<Integer, long[]> without = new LinkedHashMap<>();
    sizes.forEach(s -> with.put(s, new long[samples]));
    sizes.forEach(s -> without.put(s, new long[samples]));
    for (int i = -warmup; i < samples; i++) {
      for (Map.Entry<Integer, String> e : orders.entrySet()) {
        String orderId = e.getValue();
        long a = System.nanoTime();
        loader.load(orderId);
        long b = System.nanoTime();
        foldWithoutSnapshot(orderId);
        long c = System.nanoTime();
        if (i >= 0) {
          with.get(e.getKey())[i] = b - a;
          without.get(e.getKey())[i] = c - b;
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (int size : sizes) {
      cells.add(new Cell(size, Latencies.of(with.get(size)), Latencies.of(without.get(size))));
    }
    return cells;
  }

  /** What a load without snapshots costs: the whole stream, decoded and folded. */
  Order foldWithoutSnapshot(String orderId) {
    List<RecordedEvent> events = new ArrayList<>();
    store.readEvents(orderId).forEach(e -> events.add(store.codec().decode(e)));
    return Order.fold(orderId, events);
  }

  /**
   * An order of {@code size} one-event commits whose snapshot is {@code tail} events behind the
   * end, taken by a loader whose policy snapshots every load.
   */
  private String prepare(int size, int tail) {
    String orderId = UUID.randomUUID().toString();
    OrderLoader snapshotEveryLoad =
        new OrderLoader(store, snapshots, new SnapshotPolicy(1, 1, 3), Clock.systemUTC(), meters);
    String prevHash = NewCommit.GENESIS_HASH;
    for (int v = 0; v < size; v++) {
      if (v == size - tail) {
        snapshot(snapshotEveryLoad, orderId);
      }
      AppendResult landed = store.append(SampleCommits.commit(orderId, v, prevHash));
      prevHash = landed.hash();
    }
    if (tail == 0) {
      snapshot(snapshotEveryLoad, orderId);
    }
    return orderId;
  }

  private void snapshot(OrderLoader snapshotEveryLoad, String orderId) {
    snapshotEveryLoad.load(orderId);
  }

  /**
   * An order that fits the loader's first page (one-event commits, no more than {@link
   * OrderLoader#firstPage}) is read whole without a snapshot lookup; a longer one starts from its
   * snapshot and folds the tail.
   */
  private void check(OrderLoader.Loaded loaded, int size, int tail) {
    Order plain = foldWithoutSnapshot(loaded.order().orderId());
    SnapshotPolicy policy = SnapshotPolicy.defaults();
    boolean wholeInPage = size <= OrderLoader.firstPage(policy) && !policy.due(0, size, size);
    OrderLoader.SnapshotUse expected =
        wholeInPage ? OrderLoader.SnapshotUse.NOT_NEEDED : OrderLoader.SnapshotUse.HIT;
    if (loaded.snapshot() != expected
        || loaded.foldedEvents() != (wholeInPage ? size : tail)
        || loaded.order().version() != size
        || !loaded.order().equals(plain)) {
      throw new IllegalStateException(
          "order of "
              + size
              + " events did not load as set up: snapshot="
              + loaded.snapshot()
              + " folded="
              + loaded.foldedEvents()
              + " version="
              + loaded.order().version());
    }
  }
}
