package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCreated;
import io.orderflow.testing.MutableClock;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explorer over the {@code by-time} index. The shared data set: six orders, each on its own
 * write shard, with commits spread over 09:00–12:00 and one on either side of that range.
 *
 * <pre>
 *   08:59:59.999Z          F@1   (before the range)
 *   09:10:00Z              A@1
 *   09:59:59.999999999Z    B@1
 *   10:15:31Z              C@1
 *   10:15:31.5Z            A@2
 *   10:40:00Z              D@1 D@2 D@3  (one commit)
 *   11:05:00Z              B@2   order-paid
 *   11:30:00Z              E@1
 *   11:59:59Z              E@2 order-paid, E@3 order-shipped  (one commit)
 *   12:00:00Z              C@2   (at the range's exclusive end)
 * </pre>
 */
class EventExplorerTest {
  private static final StoreFixture fixture = new StoreFixture();
  private static final MutableClock clock = new MutableClock(Instant.EPOCH);
  private static final DynamoDbEventStore store = fixture.store(clock);
  private static final EventExplorer explorer = new EventExplorer(fixture.dynamo, fixture.tables);

  private static final Instant FROM = Instant.parse("2026-11-26T09:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-26T12:00:00Z");

  private static String a;
  private static String b;
  private static String c;
  private static String d;
  private static String e;
  private static String f;

  /** Everything in [09:00, 12:00), in commit-time order, as orderId@version. */
  private static List<String> inRange;

  @BeforeAll
  static void ordersOverThreeHours() {
    List<String> orders = ordersOnDistinctShards(6);
    a = orders.get(0);
    b = orders.get(1);
    c = orders.get(2);
    d = orders.get(3);
    e = orders.get(4);
    f = orders.get(5);

    append(f, 0, 1, "2026-11-26T08:59:59.999Z");
    append(a, 0, 1, "2026-11-26T09:10:00Z");
    append(b, 0, 1, "2026-11-26T09:59:59.999999999Z");
    append(c, 0, 1, "2026-11-26T10:15:31Z");
    append(a, 1, 1, "2026-11-26T10:15:31.5Z");
    append(d, 0, 3, "2026-11-26T10:40:00Z");
    writeOtherTypes(b, 2, "2026-11-26T11:05:00Z", "order-paid");
    append(e, 0, 1, "2026-11-26T11:30:00Z");
    writeOtherTypes(e, 2, "2026-11-26T11:59:59Z", "order-paid", "order-shipped");
    append(c, 1, 1, "2026-11-26T12:00:00Z");

    inRange =
        List.of(
            a + "@1", b + "@1", c + "@1", a + "@2", d + "@1", d + "@2", d + "@3", b + "@2",
            e + "@1", e + "@2", e + "@3");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("a range returns exactly the events committed in it, in commit-time order")
  void givenEventsOverThreeHours_whenQueryRange_thenExactlyThoseInCommitTimeOrder() {
    ExplorerPage page = explorer.query(query(FROM, TO, null, 500, null));

    assertThat(ids(page)).containsExactlyElementsOf(inRange);
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  @DisplayName("a range brings together the events of every write shard it touches")
  void givenOrdersOnFiveShards_whenQueryRange_thenEventsOfEachShardAreThere() {
    ExplorerPage page = explorer.query(query(FROM, TO, null, 500, null));

    assertThat(
            page.events().stream()
                .map(entry -> CommitItems.shard(entry.orderId()))
                .distinct()
                .count())
        .isEqualTo(5);
  }

  @Test
  @DisplayName("a whole second sorts before the half second after it")
  void givenCommitsAtAWholeAndAHalfSecond_whenQueried_thenTheWholeSecondComesFirst() {
    ExplorerPage page =
        explorer.query(
            query(
                Instant.parse("2026-11-26T10:15:31Z"),
                Instant.parse("2026-11-26T10:15:32Z"),
                null,
                500,
                null));

    assertThat(ids(page)).containsExactly(c + "@1", a + "@2");
    assertThat(page.events())
        .extracting(ExplorerPage.Entry::committedAt)
        .containsExactly(
            Instant.parse("2026-11-26T10:15:31Z"), Instant.parse("2026-11-26T10:15:31.5Z"));
  }

  @Test
  @DisplayName("the range includes its start instant")
  void givenCommitAtTheRangeStart_whenQueried_thenItIsIncluded() {
    ExplorerPage page =
        explorer.query(
            query(
                Instant.parse("2026-11-26T10:15:31.5Z"),
                Instant.parse("2026-11-26T10:41:00Z"),
                null,
                500,
                null));

    assertThat(ids(page)).containsExactly(a + "@2", d + "@1", d + "@2", d + "@3");
  }

  @Test
  @DisplayName("the range excludes its end instant")
  void givenCommitAtTheRangeEnd_whenQueried_thenItIsLeftForTheNextRange() {
    ExplorerPage before = explorer.query(query(FROM, TO, null, 500, null));
    ExplorerPage after = explorer.query(query(TO, TO.plusSeconds(3600), null, 500, null));

    assertThat(ids(before)).doesNotContain(c + "@2");
    assertThat(ids(after)).containsExactly(c + "@2");
  }

  @Test
  @DisplayName("an entry names its order, its commit and the commit's time")
  void givenMultiEventCommit_whenQueried_thenEachEntryNamesItsCommit() {
    ExplorerPage page =
        explorer.query(
            query(
                Instant.parse("2026-11-26T10:40:00Z"),
                Instant.parse("2026-11-26T10:41:00Z"),
                null,
                500,
                null));

    assertThat(page.events())
        .allSatisfy(
            entry -> {
              assertThat(entry.orderId()).isEqualTo(d);
              assertThat(entry.commitVersion()).isEqualTo(1);
              assertThat(entry.committedAt()).isEqualTo(Instant.parse("2026-11-26T10:40:00Z"));
              assertThat(entry.event().type()).isEqualTo("order-created");
            })
        .extracting(entry -> entry.event().version())
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName("filtering by type returns only events of that type, even out of mixed commits")
  void givenEventsOfSeveralTypes_whenFilteredByType_thenOnlyThatType() {
    ExplorerPage page = explorer.query(query(FROM, TO, "order-paid", 500, null));

    assertThat(ids(page)).containsExactly(b + "@2", e + "@2");
    assertThat(page.events()).allSatisfy(x -> assertThat(x.event().type()).isEqualTo("order-paid"));
  }

  @Test
  @DisplayName("filtering by a type nobody wrote returns nothing")
  void givenNoEventsOfAType_whenFilteredByIt_thenEmptyPage() {
    ExplorerPage page = explorer.query(query(FROM, TO, "order-refunded", 500, null));

    assertThat(page.events()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  @DisplayName("paging by 2 yields every event once, in order, and the last page has no token")
  void givenElevenEvents_whenPagedByTwo_thenEachOnceInOrderAndLastPageHasNoToken() {
    List<ExplorerPage> pages = pageThrough(null, 2);

    assertThat(pages.stream().flatMap(p -> ids(p).stream()).toList())
        .containsExactlyElementsOf(inRange);
    assertThat(pages).hasSize(6);
    assertThat(pages.subList(0, 5))
        .allSatisfy(
            p -> {
              assertThat(p.events()).hasSize(2);
              assertThat(p.nextPageToken()).isPresent();
            });
    assertThat(pages.get(5).events()).hasSize(1);
    assertThat(pages.get(5).nextPageToken()).isEmpty();
  }

  @Test
  @DisplayName("paging a type filter yields each matching event once, in order")
  void givenTypeFilter_whenPagedByOne_thenEachMatchOnceInOrder() {
    List<ExplorerPage> pages = pageThrough("order-paid", 1);

    assertThat(pages.stream().flatMap(p -> ids(p).stream()).toList())
        .containsExactly(b + "@2", e + "@2");
    assertThat(pages.get(pages.size() - 1).nextPageToken()).isEmpty();
  }

  @Test
  @DisplayName("a token from a page that ended inside a commit continues with its next event")
  void givenPageEndingInsideACommit_whenContinuedWithItsToken_thenTheRestFollows() {
    ExplorerPage first = explorer.query(query(FROM, TO, null, 5, null));

    ExplorerPage rest =
        explorer.query(query(FROM, TO, null, 500, first.nextPageToken().orElseThrow()));

    assertThat(ids(first)).containsExactlyElementsOf(inRange.subList(0, 5));
    assertThat(ids(first)).last().isEqualTo(d + "@1");
    assertThat(ids(rest)).containsExactlyElementsOf(inRange.subList(5, inRange.size()));
    assertThat(rest.nextPageToken()).isEmpty();
  }

  @Test
  @DisplayName("a query whose end is before its start is refused")
  void givenToBeforeFrom_thenIllegalArgument() {
    assertThatThrownBy(() -> query(TO, FROM, null, 10, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a query of an empty range is refused")
  void givenToEqualToFrom_thenIllegalArgument() {
    assertThatThrownBy(() -> query(FROM, FROM, null, 10, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a range of more than 7 days is refused; exactly 7 days is allowed")
  void givenRangeOverSevenDays_thenIllegalArgument() {
    assertThatThrownBy(
            () -> query(FROM, FROM.plus(Duration.ofDays(7)).plusNanos(1), null, 10, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> query(FROM, FROM.plus(Duration.ofDays(7)), null, 10, null))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a limit outside 1..500 is refused")
  void givenLimitOutOfBounds_thenIllegalArgument() {
    assertThatThrownBy(() -> query(FROM, TO, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query(FROM, TO, null, 501, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> query(FROM, TO, null, 1, null)).doesNotThrowAnyException();
    assertThatCode(() -> query(FROM, TO, null, 500, null)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a page token from another time range is refused, not used to list events outside")
  void givenTokenFromAnEarlierRange_whenUsedWithALaterRange_thenIllegalArgument() {
    ExplorerPage first = explorer.query(query(FROM, TO, null, 1, null));
    String tokenAt0910 = first.nextPageToken().orElseThrow();

    assertThat(ids(first)).containsExactly(a + "@1");
    assertThatThrownBy(
            () ->
                explorer.query(
                    query(Instant.parse("2026-11-26T10:00:00Z"), TO, null, 10, tokenAt0910)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> garbageTokens() {
    return Stream.of(
        "not-a-token",
        "%%%",
        base64("no bar at all"),
        base64("hello|5"),
        base64("nonsense#order#1|1"),
        base64("2026-11-26T10:15:31.000000000Z#order#0000000000000000001|not-a-number"));
  }

  @ParameterizedTest
  @MethodSource("garbageTokens")
  @DisplayName("a page token the explorer did not issue is refused")
  void givenGarbagePageToken_whenQuery_thenIllegalArgument(String token) {
    assertThatThrownBy(() -> explorer.query(query(FROM, TO, null, 10, token)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<ExplorerPage> pageThrough(String type, int limit) {
    List<ExplorerPage> pages = new ArrayList<>();
    String token = null;
    do {
      ExplorerPage page = explorer.query(query(FROM, TO, type, limit, token));
      pages.add(page);
      token = page.nextPageToken().orElse(null);
      assertThat(pages).as("pages before giving up").hasSizeLessThan(50);
    } while (token != null);
    return pages;
  }

  private static ExplorerQuery query(
      Instant from, Instant to, String type, int limit, String pageToken) {
    return new ExplorerQuery(
        from, to, Optional.ofNullable(type), limit, Optional.ofNullable(pageToken));
  }

  private static List<String> ids(ExplorerPage page) {
    return page.events().stream()
        .map(entry -> entry.orderId() + "@" + entry.event().version())
        .toList();
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Order ids that land on different write shards, so the range really crosses shards. */
  private static List<String> ordersOnDistinctShards(int count) {
    String prefix = "explorer-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Set<String> shards = new HashSet<>();
    List<String> orders = new ArrayList<>();
    for (int i = 0; orders.size() < count; i++) {
      String orderId = prefix + i;
      if (shards.add(CommitItems.shard(orderId))) {
        orders.add(orderId);
      }
    }
    return orders;
  }

  /** Appends {@code size} order-created events at {@code committedAt}, through the store. */
  private static void append(String orderId, long expectedVersion, int size, String committedAt) {
    String prevHash = store.head(orderId).map(StoredCommit::hash).orElse(NewCommit.GENESIS_HASH);
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      events.add(
          new NewEvent(
              UUID.randomUUID().toString(),
              Instant.parse(committedAt),
              new OrderCreated(
                  orderId,
                  "customer-1",
                  "EUR",
                  List.of(new LineItem("SKU-1", 1, new BigDecimal("1.00"))))));
    }
    clock.set(Instant.parse(committedAt));
    store.append(
        new NewCommit(
            orderId,
            expectedVersion,
            UUID.randomUUID().toString(),
            prevHash,
            events,
            new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId)));
  }

  /**
   * Event types this code does not produce yet, written in the store's own item layout: the
   * explorer lists them as stored, without decoding them.
   */
  private static void writeOtherTypes(
      String orderId, long version, String committedAt, String... types) {
    List<StoredEvent> events = new ArrayList<>();
    for (String type : types) {
      events.add(
          new StoredEvent(
              version + events.size(),
              UUID.randomUUID().toString(),
              type,
              1,
              Instant.parse(committedAt),
              "{}"));
    }
    StoredCommit commit =
        new StoredCommit(
            orderId,
            version,
            version + types.length - 1,
            UUID.randomUUID().toString(),
            events,
            new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId),
            Instant.parse(committedAt),
            store.head(orderId).orElseThrow().hash(),
            "0".repeat(64),
            true);
    StoredFixtures.write(fixture.dynamo, fixture.tables, commit);
  }
}
