package io.orderflow.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCreated;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Loading with snapshots gives the state that folding every event gives, whatever the stream and
 * the policy. Each try writes a fresh order to the test dynalite, so tries are kept few. (Named
 * {@code *Test} so that Surefire's default includes run it.)
 */
class SnapshotLoadPropertiesTest {
  private static final StoreFixture fixture = new StoreFixture();
  private static final DynamoDbEventStore store = fixture.store();
  private static final SnapshotStore snapshots = new SnapshotStore(fixture.dynamo, fixture.tables);
  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "JPY"};

  @AfterContainer
  static void close() {
    fixture.close();
  }

  /**
   * Appends {@code length} events in commits of the given sizes, loading the order after every
   * {@code loadEvery}-th commit and at the end: every load equals the fold of the stream so far.
   */
  @Property(tries = 25)
  void loadingWithSnapshotsGivesTheFoldOfEveryEvent(
      @ForAll @IntRange(min = 1, max = 60) int length,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 3) Integer> commitSizes,
      @ForAll("policies") SnapshotPolicy policy,
      @ForAll @IntRange(min = 1, max = 4) int loadEvery) {
    String orderId = UUID.randomUUID().toString();
    OrderLoader loader =
        new OrderLoader(store, snapshots, policy, Clock.systemUTC(), new SimpleMeterRegistry());
    long version = 0;
    String prevHash = NewCommit.GENESIS_HASH;
    boolean anyHit = false;
    List<OrderLoader.SnapshotUse> uses = new ArrayList<>();
    for (int commit = 0; version < length; commit++) {
      int size = (int) Math.min(commitSizes.get(commit % commitSizes.size()), length - version);
      AppendResult appended = store.append(commit(orderId, version, prevHash, size));
      version = appended.lastVersion();
      prevHash = appended.hash();
      if ((commit + 1) % loadEvery == 0 || version == length) {
        OrderLoader.Loaded loaded = loader.load(orderId);
        anyHit |= loaded.snapshotHit();
        uses.add(loaded.snapshot());

        assertThat(loaded.order()).isEqualTo(foldOfEveryEvent(orderId));
        assertThat(loaded.order().version()).isEqualTo(version);
      }
    }

    Statistics.label("a load started from a snapshot").collect(anyHit);
    Statistics.label("a load needed no snapshot lookup")
        .collect(uses.contains(OrderLoader.SnapshotUse.NOT_NEEDED));
    Statistics.label("a load started from a snapshot")
        .coverage(c -> c.check(true).count(hits -> hits >= 1));
  }

  /** Where an order's snapshot lies against the newest page the loader reads first. */
  enum Placement {
    /** No snapshot, and the stream fits the newest page. */
    NO_SNAPSHOT_WHOLE_STREAM_IN_PAGE,
    /** No snapshot, and the stream is longer than the newest page. */
    NO_SNAPSHOT_STREAM_LONGER_THAN_PAGE,
    /** A snapshot, with at most a page of commits after it. */
    SNAPSHOT_INSIDE_PAGE,
    /** A snapshot, with more than a page of commits after it. */
    SNAPSHOT_BEHIND_PAGE
  }

  /**
   * Every placement of the snapshot against the newest page (as many commits as the policy's {@code
   * everyEvents}), for a random policy and random commit sizes: the load equals the fold of every
   * event, looks a snapshot up exactly when the page is not the whole stream or the policy might
   * take one, and folds only what came after the snapshot it used.
   */
  @Property(tries = 12)
  void loadingGivesTheFoldOfEveryEventWhereverTheSnapshotLiesAgainstTheNewestPage(
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 3) Integer> commitSizes,
      @ForAll("policies") SnapshotPolicy policy,
      @ForAll @IntRange(min = 1, max = 8) int spread) {
    int page = policy.everyEvents();
    for (Placement placement : Placement.values()) {
      int before =
          switch (placement) {
            case NO_SNAPSHOT_WHOLE_STREAM_IN_PAGE -> 1 + (spread - 1) % page;
            case NO_SNAPSHOT_STREAM_LONGER_THAN_PAGE -> page + spread;
            case SNAPSHOT_INSIDE_PAGE, SNAPSHOT_BEHIND_PAGE -> spread;
          };
      int after =
          switch (placement) {
            case NO_SNAPSHOT_WHOLE_STREAM_IN_PAGE, NO_SNAPSHOT_STREAM_LONGER_THAN_PAGE -> 0;
            case SNAPSHOT_INSIDE_PAGE -> (spread - 1) % (page + 1);
            case SNAPSHOT_BEHIND_PAGE -> page + spread;
          };
      boolean snapshot =
          placement == Placement.SNAPSHOT_INSIDE_PAGE
              || placement == Placement.SNAPSHOT_BEHIND_PAGE;
      checkLoad(placement, commitSizes, policy, before, snapshot, after);
    }
  }

  private static void checkLoad(
      Placement placement,
      List<Integer> commitSizes,
      SnapshotPolicy policy,
      int commitsBefore,
      boolean snapshot,
      int commitsAfter) {
    String orderId = UUID.randomUUID().toString();
    Stream stream = new Stream(orderId, commitSizes);
    stream.append(commitsBefore);
    long snapshotVersion = 0;
    if (snapshot) {
      OrderLoader everyLoad =
          new OrderLoader(
              store,
              snapshots,
              new SnapshotPolicy(1, 1, policy.keep()),
              Clock.systemUTC(),
              new SimpleMeterRegistry());
      everyLoad.load(orderId);
      snapshotVersion = stream.version;
    }
    stream.append(commitsAfter);
    int commits = commitsBefore + commitsAfter;
    long version = stream.version;
    boolean wholeStreamInPage = commits <= policy.everyEvents();
    OrderLoader.SnapshotUse expectedUse =
        wholeStreamInPage && !policy.due(0, version, (int) version)
            ? OrderLoader.SnapshotUse.NOT_NEEDED
            : snapshot ? OrderLoader.SnapshotUse.HIT : OrderLoader.SnapshotUse.MISS;
    long expectedFolded =
        expectedUse == OrderLoader.SnapshotUse.HIT ? version - snapshotVersion : version;
    OrderLoader loader =
        new OrderLoader(store, snapshots, policy, Clock.systemUTC(), new SimpleMeterRegistry());

    OrderLoader.Loaded loaded = loader.load(orderId);

    assertThat(loaded.order()).as(placement.name()).isEqualTo(foldOfEveryEvent(orderId));
    assertThat(loaded.order().version()).as(placement.name()).isEqualTo(version);
    assertThat(loaded.snapshot()).as(placement.name()).isEqualTo(expectedUse);
    assertThat((long) loaded.foldedEvents()).as(placement.name()).isEqualTo(expectedFolded);
    Statistics.label("placement").collect(placement, expectedUse);
  }

  /** One order's stream being written, commit sizes taken in turn from a list. */
  private static final class Stream {
    private final String orderId;
    private final List<Integer> commitSizes;
    private int commits;
    private long version;
    private String prevHash = NewCommit.GENESIS_HASH;

    Stream(String orderId, List<Integer> commitSizes) {
      this.orderId = orderId;
      this.commitSizes = commitSizes;
    }

    void append(int count) {
      for (int i = 0; i < count; i++) {
        int size = commitSizes.get(commits++ % commitSizes.size());
        AppendResult appended = store.append(commit(orderId, version, prevHash, size));
        version = appended.lastVersion();
        prevHash = appended.hash();
      }
    }
  }

  @Provide
  Arbitrary<SnapshotPolicy> policies() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 15),
            Arbitraries.integers().between(1, 15),
            Arbitraries.integers().between(1, 4))
        .as(SnapshotPolicy::new);
  }

  private static Order foldOfEveryEvent(String orderId) {
    return Order.fold(
        orderId, store.readEvents(orderId).stream().map(store.codec()::decode).toList());
  }

  /** Events that differ by their position: customer, currency, items and time all change. */
  private static NewCommit commit(String orderId, long expectedVersion, String prevHash, int size) {
    List<NewEvent> events = new ArrayList<>();
    for (long v = expectedVersion + 1; v <= expectedVersion + size; v++) {
      int n = (int) v;
      events.add(
          new NewEvent(
              UUID.randomUUID().toString(),
              START.plusSeconds(n).plusMillis(n % 2 == 0 ? 0 : 500),
              new OrderCreated(
                  orderId,
                  "customer-" + n,
                  CURRENCIES[n % CURRENCIES.length],
                  List.of(
                      new LineItem("SKU-" + n, n % 9 + 1, new BigDecimal(n + ".25")),
                      new LineItem("SKU-X", 1, new BigDecimal("0.10"))))));
    }
    return new NewCommit(
        orderId,
        expectedVersion,
        UUID.randomUUID().toString(),
        prevHash,
        events,
        new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId));
  }
}
