package io.orderflow.bench;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.CommitHash;
import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.EventType;
import io.orderflow.order.Order;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.RecordedEvent;
import io.orderflow.snapshot.OrderSnapshot;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Fills fresh tables with orders as the order workflow leaves them: one event per commit, real hash
 * chains (built in memory with {@link CommitHash}, written with BatchWriteItem, which is much
 * faster than appending them one by one and gives the same items), and a snapshot of every n-th
 * order through {@link SnapshotStore#save}. Not measured.
 */
final class RestoreSeed {
  private static final Instant START = Instant.parse("2026-10-01T08:00:00Z");
  private static final int THREADS = 4;

  /** What was written. */
  record Seeded(long orders, long commits, long events, long snapshots) {
    long items() {
      return commits + snapshots;
    }
  }

  private final DynamoDbClient dynamo;
  private final TableNames tables;
  private final EventCodec codec = new EventCodec();

  RestoreSeed(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  /**
   * Writes orders until they hold exactly {@code events} events (the last order may stop early in
   * its lifecycle, which is still a lifecycle), with a snapshot of one order in {@code
   * snapshotEvery}.
   */
  Seeded write(int events, int snapshotEvery) throws Exception {
    List<Integer> lengths = new ArrayList<>();
    for (int left = events, i = 0; left > 0; i++) {
      int length = Math.min(left, RestoreLifecycles.length(i));
      lengths.add(length);
      left -= length;
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Seeded>> stripes = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int stripe = t;
        stripes.add(pool.submit(() -> writeStripe(lengths, stripe, snapshotEvery)));
      }
      long orders = 0;
      long commits = 0;
      long written = 0;
      long snapshots = 0;
      for (Future<Seeded> stripe : stripes) {
        Seeded s = stripe.get();
        orders += s.orders();
        commits += s.commits();
        written += s.events();
        snapshots += s.snapshots();
      }
      return new Seeded(orders, commits, written, snapshots);
    } finally {
      pool.shutdownNow();
    }
  }

  private Seeded writeStripe(List<Integer> lengths, int stripe, int snapshotEvery) {
    RestoreBatches commits = new RestoreBatches(dynamo, tables.events());
    SnapshotStore snapshots = new SnapshotStore(dynamo, tables);
    long orders = 0;
    long events = 0;
    long saved = 0;
    for (int i = stripe; i < lengths.size(); i += THREADS) {
      String orderId = UUID.randomUUID().toString();
      Instant createdAt = START.plusMillis(i * 1_237L);
      List<OrderEvent> lifecycle = RestoreLifecycles.of(i, orderId).subList(0, lengths.get(i));
      List<RecordedEvent> recorded = new ArrayList<>();
      String prevHash = NewCommit.GENESIS_HASH;
      for (int v = 1; v <= lifecycle.size(); v++) {
        // one command every few minutes to hours, as customers and warehouses act
        Instant occurredAt = createdAt.plus(Duration.ofMinutes((long) (v - 1) * (7 + i % 53)));
        StoredCommit commit = commit(orderId, v, lifecycle.get(v - 1), occurredAt, prevHash);
        commits.put(CommitItems.toItem(commit));
        recorded.add(codec.decode(commit.events().get(0)));
        prevHash = commit.hash();
      }
      if (i % snapshotEvery == 0) {
        Order state = Order.fold(orderId, recorded);
        snapshots.save(
            new OrderSnapshot(
                state, Order.STATE_SCHEMA_VERSION, recorded.get(recorded.size() - 1).occurredAt()));
        saved++;
      }
      orders++;
      events += lifecycle.size();
    }
    commits.flush();
    return new Seeded(orders, events, events, saved);
  }

  private StoredCommit commit(
      String orderId, long version, OrderEvent event, Instant occurredAt, String prevHash) {
    EventType type = EventType.of(event);
    StoredEvent stored =
        new StoredEvent(
            version,
            UUID.randomUUID().toString(),
            type.wireName(),
            type.schemaVersion(),
            occurredAt,
            codec.encode(event));
    CommitMetadata metadata =
        new CommitMetadata(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            version == 1 ? "api" : "warehouse",
            "order-" + orderId);
    Instant committedAt = occurredAt.plusMillis(3 + version);
    StoredCommit unsigned =
        new StoredCommit(
            orderId,
            version,
            version,
            UUID.randomUUID().toString(),
            List.of(stored),
            metadata,
            committedAt,
            prevHash,
            "",
            false);
    return new StoredCommit(
        orderId,
        version,
        version,
        unsigned.commitId(),
        unsigned.events(),
        metadata,
        committedAt,
        prevHash,
        CommitHash.of(unsigned),
        false);
  }
}
