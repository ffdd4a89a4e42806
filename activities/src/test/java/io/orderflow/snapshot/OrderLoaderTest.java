package io.orderflow.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.RecordedEvent;
import io.orderflow.testing.Commits;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loading orders with snapshots, under the policy: a snapshot every 5 events, or whenever a load
 * folded more than 8; keep the newest 2.
 */
class OrderLoaderTest {
  private static final StoreFixture fixture = new StoreFixture();
  private static final DynamoDbRequests requests = new DynamoDbRequests(fixture.tables);
  private static final SnapshotPolicy POLICY = new SnapshotPolicy(5, 8, 2);
  private static final Instant NOW = Instant.parse("2026-11-26T10:15:31Z");

  private final DynamoDbEventStore store = fixture.store();
  private final SnapshotStore snapshots = new SnapshotStore(fixture.dynamo, fixture.tables);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final OrderLoader loader = loader(POLICY);
  private final String orderId = UUID.randomUUID().toString();
  private NewCommit last;
  private String lastHash;

  @AfterAll
  static void close() {
    requests.client.close();
    fixture.close();
  }

  @Test
  @DisplayName("the first load of a 12-event order folds all 12 and leaves a snapshot at 12")
  void givenTwelveEventsNoSnapshot_whenLoaded_thenMissFoldingTwelveAndSnapshotAt12() {
    append(12);

    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.snapshotHit()).isFalse();
    assertThat(loaded.foldedEvents()).isEqualTo(12);
    assertThat(loaded.order().version()).isEqualTo(12);
    assertThat(snapshotVersions()).containsExactly(12L);
  }

  @Test
  @DisplayName("the next load starts from the snapshot and folds nothing")
  void givenSnapshotAtTheHead_whenLoaded_thenHitFoldingNothing() {
    append(12);
    loader.load(orderId);

    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.snapshotHit()).isTrue();
    assertThat(loaded.foldedEvents()).isZero();
    assertThat(loaded.order().version()).isEqualTo(12);
  }

  @Test
  @DisplayName("after 3 more events a load folds only those 3 on top of the snapshot")
  void givenSnapshotAt12AndThreeMoreEvents_whenLoaded_thenHitFoldingThree() {
    append(12);
    loader.load(orderId);
    append(3);

    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.snapshotHit()).isTrue();
    assertThat(loaded.foldedEvents()).isEqualTo(3);
    assertThat(loaded.order().version()).isEqualTo(15);
  }

  @Test
  @DisplayName("fewer than 5 events since the snapshot do not call for a new one")
  void givenThreeEventsSinceTheSnapshot_whenLoaded_thenNoNewSnapshot() {
    append(12);
    loader.load(orderId);
    append(3);

    loader.load(orderId);

    assertThat(snapshotVersions()).containsExactly(12L);
  }

  @Test
  @DisplayName("5 events since the snapshot call for a new one")
  void givenFiveEventsSinceTheSnapshot_whenLoaded_thenSnapshotAtTheHead() {
    append(12);
    loader.load(orderId);
    append(5);

    loader.load(orderId);

    assertThat(snapshotVersions()).containsExactly(17L, 12L);
  }

  @Test
  @DisplayName("a load that folded more than 8 events leaves a snapshot, however rare the schedule")
  void givenRareSchedule_whenALoadFoldsMoreThanEight_thenSnapshot() {
    OrderLoader rarely = loader(new SnapshotPolicy(100, 8, 2));
    append(8);
    rarely.load(orderId);
    assertThat(snapshotVersions()).as("8 folded: not more than 8").isEmpty();
    append(1);

    rarely.load(orderId);

    assertThat(snapshotVersions()).containsExactly(9L);
  }

  @Test
  @DisplayName("loading with and without a snapshot gives the same order")
  void givenSnapshot_whenLoaded_thenSameOrderAsFoldingEveryEvent() {
    append(12);
    Order withoutSnapshot = loader.load(orderId).order();
    append(3);
    Order folded = foldEverything();

    OrderLoader.Loaded withSnapshot = loader.load(orderId);

    assertThat(withSnapshot.snapshotHit()).isTrue();
    assertThat(withSnapshot.order()).isEqualTo(folded);
    assertThat(withoutSnapshot.version()).isEqualTo(12);
    assertThat(withSnapshot.order().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(withSnapshot.order().total()).isEqualByComparingTo("25.00");
  }

  @Test
  @DisplayName("a snapshot of an older state schema is ignored and counted as stale")
  void givenSnapshotOfOlderStateSchema_whenLoaded_thenMissAndStaleCounted() {
    append(12);
    snapshots.save(new OrderSnapshot(misleadingStateAt(12), 0, NOW));

    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.snapshotHit()).isFalse();
    assertThat(loaded.foldedEvents()).isEqualTo(12);
    assertThat(meters.get("orderflow.snapshots.stale").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a snapshot of an older state schema is never misread")
  void givenSnapshotOfOlderStateSchema_whenLoaded_thenStateComesFromTheEvents() {
    append(12);
    snapshots.save(new OrderSnapshot(misleadingStateAt(12), 0, NOW));

    Order order = loader.load(orderId).order();

    assertThat(order).isEqualTo(foldEverything());
    assertThat(order.customerId()).isEqualTo("customer-1");
  }

  @Test
  @DisplayName("a snapshot of an older state schema is replaced by one of today's schema")
  void givenSnapshotOfOlderStateSchema_whenLoaded_thenReplacedByACurrentOne() {
    append(12);
    snapshots.save(new OrderSnapshot(misleadingStateAt(12), 0, NOW));

    loader.load(orderId);

    SnapshotStore.StoredSnapshot latest = snapshots.latest(orderId).orElseThrow();
    assertThat(latest.version()).isEqualTo(12);
    assertThat(latest.stateSchemaVersion()).isEqualTo(Order.STATE_SCHEMA_VERSION);
    assertThat(snapshots.decode(latest)).isEqualTo(foldEverything());
    assertThat(loader.load(orderId).snapshotHit()).isTrue();
  }

  @Test
  @DisplayName("only the newest 2 snapshots are kept")
  void givenThreeSnapshotsTaken_thenOnlyTheNewestTwoRemain() {
    append(12);
    loader.load(orderId);
    append(5);
    loader.load(orderId);
    append(5);

    loader.load(orderId);

    assertThat(snapshotVersions()).containsExactly(22L, 17L);
  }

  @Test
  @DisplayName("an unknown order loads as not existing and leaves no snapshot")
  void givenUnknownOrder_whenLoaded_thenItDoesNotExistAndNoSnapshot() {
    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.order().exists()).isFalse();
    assertThat(snapshotVersions()).isEmpty();
  }

  @Test
  @DisplayName("lookups and load latency are counted by snapshot hit and miss")
  void givenAMissThenTwoHits_thenMetersCountEach() {
    append(12);

    loader.load(orderId);
    loader.load(orderId);
    loader.load(orderId);

    assertThat(meters.get("orderflow.snapshots.lookups").tag("result", "miss").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("orderflow.snapshots.lookups").tag("result", "hit").counter().count())
        .isEqualTo(2);
    assertThat(meters.get("orderflow.orders.load.latency").tag("snapshot", "miss").timer().count())
        .isEqualTo(1);
    assertThat(meters.get("orderflow.orders.load.latency").tag("snapshot", "hit").timer().count())
        .isEqualTo(2);
  }

  @Test
  @DisplayName(
      "an order shorter than the newest page loads in one query, without a snapshot lookup")
  void givenThreeEvents_whenLoaded_thenOneQueryAndNoSnapshotLookup() {
    append(3);
    OrderLoader counted = countedLoader(POLICY);

    OrderLoader.Loaded loaded = counted.load(orderId);

    assertThat(requests.take()).containsExactly("Query events");
    assertThat(loaded.snapshot()).isEqualTo(OrderLoader.SnapshotUse.NOT_NEEDED);
    assertThat(loaded.foldedEvents()).isEqualTo(3);
    assertThat(loaded.order()).isEqualTo(foldEverything());
    assertThat(snapshotVersions()).isEmpty();
  }

  @Test
  @DisplayName("a load without snapshot lookup is timed as not_needed, and counted as no lookup")
  void givenThreeEvents_whenLoaded_thenTimedAsNotNeededAndNoLookupCounted() {
    append(3);

    loader.load(orderId);

    assertThat(
            meters
                .get("orderflow.orders.load.latency")
                .tag("snapshot", "not_needed")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(meters.get("orderflow.snapshots.lookups").counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  @DisplayName("an unknown order takes one query and no snapshot lookup")
  void givenUnknownOrder_whenLoaded_thenOneQuery() {
    OrderLoader counted = countedLoader(POLICY);

    OrderLoader.Loaded loaded = counted.load(orderId);

    assertThat(requests.take()).containsExactly("Query events");
    assertThat(loaded.order().exists()).isFalse();
  }

  @Test
  @DisplayName("a snapshot inside the newest page: two queries, only the events after it folded")
  void givenSnapshotInsideTheNewestPage_whenLoaded_thenTwoQueriesFoldingThree() {
    append(12);
    loader.load(orderId);
    append(3);
    OrderLoader counted = countedLoader(POLICY);

    OrderLoader.Loaded loaded = counted.load(orderId);

    assertThat(requests.take()).containsExactly("Query events", "Query snapshots");
    assertThat(loaded.snapshot()).isEqualTo(OrderLoader.SnapshotUse.HIT);
    assertThat(loaded.foldedEvents()).isEqualTo(3);
    assertThat(loaded.order()).isEqualTo(foldEverything());
  }

  @Test
  @DisplayName("a snapshot behind the newest page: the events after it are read, then folded")
  void givenSnapshotBehindTheNewestPage_whenLoaded_thenReadsAfterTheSnapshot() {
    append(12);
    loader.load(orderId);
    append(6);
    OrderLoader counted = countedLoader(POLICY);

    OrderLoader.Loaded loaded = counted.load(orderId);

    assertThat(requests.take())
        .startsWith("Query events", "Query snapshots", "Query events", "PutItem snapshots");
    assertThat(loaded.snapshot()).isEqualTo(OrderLoader.SnapshotUse.HIT);
    assertThat(loaded.foldedEvents()).isEqualTo(6);
    assertThat(loaded.order()).isEqualTo(foldEverything());
    assertThat(snapshotVersions()).containsExactly(18L, 12L);
  }

  @Test
  @DisplayName("a whole-stream page the policy would snapshot looks the snapshot up: taken once")
  void givenFiveEventsInOnePage_whenLoadedTwice_thenOneSnapshotAndThenAHit() {
    append(5);
    OrderLoader.Loaded first = loader.load(orderId);

    OrderLoader.Loaded second = loader.load(orderId);

    assertThat(first.snapshot()).isEqualTo(OrderLoader.SnapshotUse.MISS);
    assertThat(second.snapshot()).isEqualTo(OrderLoader.SnapshotUse.HIT);
    assertThat(second.foldedEvents()).isZero();
    assertThat(snapshotVersions()).containsExactly(5L);
  }

  @Test
  @DisplayName("a short order is read from its events, whatever snapshot of an old schema it has")
  void givenShortOrderWithSnapshotOfOlderStateSchema_whenLoaded_thenStateFromTheEvents() {
    append(3);
    snapshots.save(new OrderSnapshot(misleadingStateAt(3), 0, NOW));

    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.order()).isEqualTo(foldEverything());
    assertThat(loaded.order().customerId()).isEqualTo("customer-1");
  }

  private OrderLoader countedLoader(SnapshotPolicy policy) {
    DynamoDbEventStore countedStore =
        new DynamoDbEventStore(
            requests.client,
            fixture.tables,
            new EventCodec(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());
    OrderLoader counted =
        new OrderLoader(
            countedStore,
            new SnapshotStore(requests.client, fixture.tables),
            policy,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());
    requests.take();
    return counted;
  }

  private OrderLoader loader(SnapshotPolicy policy) {
    return new OrderLoader(store, snapshots, policy, Clock.fixed(NOW, ZoneOffset.UTC), meters);
  }

  /** Appends {@code count} one-event commits to the order's stream. */
  private void append(int count) {
    for (int i = 0; i < count; i++) {
      last = last == null ? Commits.orderCreated(orderId) : Commits.next(last, lastHash);
      lastHash = store.append(last).hash();
    }
  }

  private Order foldEverything() {
    return Order.fold(
        orderId, store.readEvents(orderId).stream().map(store.codec()::decode).toList());
  }

  /** A state no event of the stream describes, so reading it would show. */
  private Order misleadingStateAt(long version) {
    OrderCreated someoneElses =
        new OrderCreated(
            orderId,
            "someone-else",
            "USD",
            List.of(new LineItem("SKU-OLD", 9, new BigDecimal("99.00"))));
    return Order.fold(
        orderId,
        LongStream.rangeClosed(1, version)
            .mapToObj(v -> new RecordedEvent(v, UUID.randomUUID().toString(), NOW, someoneElses))
            .toList());
  }

  /** The versions of the order's snapshots, newest first. */
  private List<Long> snapshotVersions() {
    return fixture
        .dynamo
        .query(
            r ->
                r.tableName(fixture.tables.snapshots())
                    .keyConditionExpression("orderId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
                    .scanIndexForward(false)
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> Long.parseLong(item.get("version").n()))
        .toList();
  }
}
