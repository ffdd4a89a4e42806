package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCreated;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reading parts of a stream. The shared stream has seven events in five commits; the third commit
 * holds versions 3, 4 and 5, so a read can start in the middle of a commit.
 */
class StreamReadsTest {
  private static final StoreFixture fixture = new StoreFixture();
  private static final DynamoDbEventStore store = fixture.store();
  private static final String orderId = UUID.randomUUID().toString();
  private static final int[] COMMIT_SIZES = {1, 1, 3, 1, 1};
  private static final int STREAM_LENGTH = 7;

  /** The ids of the appended events, in the order they were appended: index 0 is version 1. */
  private static final List<String> appendedEventIds = new ArrayList<>();

  @BeforeAll
  static void sevenEventsInFiveCommits() {
    long version = 0;
    String prevHash = NewCommit.GENESIS_HASH;
    for (int size : COMMIT_SIZES) {
      NewCommit commit = commit(orderId, version, prevHash, size, smallEvent(orderId));
      AppendResult appended = store.append(commit);
      commit.events().forEach(e -> appendedEventIds.add(e.eventId()));
      version = appended.lastVersion();
      prevHash = appended.hash();
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("the full stream is every event, versions 1 to 7, in append order")
  void givenStream_whenReadEvents_thenEveryEventInAppendOrder() {
    List<StoredEvent> stream = store.readEvents(orderId);

    assertThat(stream).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(stream).extracting(StoredEvent::eventId).containsExactlyElementsOf(appendedEventIds);
  }

  @ParameterizedTest(name = "readEvents({0}, {1})")
  @CsvSource({"1, 7", "2, 4", "3, 5", "4, 6", "4, 4", "5, 5", "5, 7", "6, 6", "7, 7"})
  @DisplayName("a range read returns exactly the events from..to, even from inside a commit")
  void givenStream_whenReadRange_thenExactlyThoseVersions(long from, long to) {
    List<StoredEvent> read = store.readEvents(orderId, from, to);

    assertThat(read)
        .extracting(StoredEvent::version)
        .containsExactlyElementsOf(LongStream.rangeClosed(from, to).boxed().toList());
    assertThat(read)
        .extracting(StoredEvent::eventId)
        .containsExactlyElementsOf(appendedEventIds.subList((int) from - 1, (int) to));
  }

  @ParameterizedTest(name = "readEvents(1, {0})")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7})
  @DisplayName("reading up to a version returns the prefix of the full stream")
  void givenStream_whenReadUpToVersion_thenPrefixOfTheFullStream(long to) {
    List<StoredEvent> full = store.readEvents(orderId);

    assertThat(store.readEvents(orderId, 1, to)).isEqualTo(full.subList(0, (int) to));
  }

  @Test
  @DisplayName("reading from a version inside a commit to the end returns the rest of the stream")
  void givenStream_whenReadFromInsideACommitToTheEnd_thenTheRestOfTheStream() {
    List<StoredEvent> full = store.readEvents(orderId);

    assertThat(store.readEvents(orderId, 4, Long.MAX_VALUE)).isEqualTo(full.subList(3, 7));
  }

  @Test
  @DisplayName("reading from past the last version returns nothing")
  void givenStream_whenReadFromPastTheEnd_thenNothing() {
    assertThat(store.readEvents(orderId, STREAM_LENGTH + 1, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  @DisplayName("the commits holding a range start with the commit that holds its first version")
  void givenStream_whenReadCommitsFromInsideACommit_thenFirstCommitIsTheOneHoldingIt() {
    assertThat(store.readCommits(orderId, 4, 6))
        .extracting(StoredCommit::version, StoredCommit::lastVersion)
        .containsExactly(tuple(3L, 5L), tuple(6L, 6L));
  }

  @Test
  @DisplayName("a stream of more than 1 MB, which the server returns in pages, reads back whole")
  void givenStreamLargerThanOneQueryPage_whenReadEvents_thenEveryEventInOrder() {
    String bigOrder = UUID.randomUUID().toString();
    OrderCreated big = eventOfAbout25Kb(bigOrder);
    List<String> ids = new ArrayList<>();
    long version = 0;
    String prevHash = NewCommit.GENESIS_HASH;
    for (int i = 0; i < 60; i++) {
      NewCommit commit = commit(bigOrder, version, prevHash, 1, big);
      AppendResult appended = store.append(commit);
      ids.add(commit.events().get(0).eventId());
      version = appended.lastVersion();
      prevHash = appended.hash();
    }
    assertThat(firstRawQueryPage(bigOrder).hasLastEvaluatedKey())
        .as("precondition: the server pages a query of this stream")
        .isTrue();

    List<StoredEvent> stream = store.readEvents(bigOrder);

    assertThat(stream)
        .extracting(StoredEvent::version)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
    assertThat(stream).extracting(StoredEvent::eventId).containsExactlyElementsOf(ids);
    assertThat(stream.stream().mapToLong(e -> e.data().length()).sum()).isGreaterThan(1024 * 1024);
  }

  private static QueryResponse firstRawQueryPage(String orderId) {
    return fixture.dynamo.query(
        r ->
            r.tableName(fixture.tables.events())
                .keyConditionExpression("orderId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
                .consistentRead(true));
  }

  private static OrderCreated smallEvent(String orderId) {
    return new OrderCreated(
        orderId, "customer-1", "EUR", List.of(new LineItem("SKU-1", 2, new BigDecimal("12.50"))));
  }

  /** 150 items with 128-character skus: about 25 KB of payload. */
  private static OrderCreated eventOfAbout25Kb(String orderId) {
    List<LineItem> items =
        IntStream.range(0, 150)
            .mapToObj(i -> new LineItem("S".repeat(128), 1, new BigDecimal("1.00")))
            .toList();
    OrderCreated created = new OrderCreated(orderId, "customer-1", "EUR", items);
    int bytes = store.codec().encode(created).getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).as("precondition: payload size").isBetween(20_000, 30_000);
    return created;
  }

  private static NewCommit commit(
      String orderId, long expectedVersion, String prevHash, int size, OrderCreated event) {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      events.add(
          new NewEvent(
              UUID.randomUUID().toString(), Instant.parse("2026-11-26T10:15:30.123Z"), event));
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
