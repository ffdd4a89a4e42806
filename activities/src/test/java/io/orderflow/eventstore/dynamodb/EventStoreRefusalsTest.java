package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCreated;
import io.orderflow.testing.Commits;
import io.orderflow.testing.StoreFixture;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the store refuses, and what it cannot read back: each case is a typed error that says what
 * is wrong, and a refused commit leaves nothing behind.
 */
class EventStoreRefusalsTest {
  private static final StoreFixture fixture = new StoreFixture();
  private static final Instant OCCURRED = Instant.parse("2026-11-26T10:15:30.123Z");
  private static final String MAX_SKU = "S".repeat(128);

  private final DynamoDbEventStore store = fixture.store();
  private final String orderId = UUID.randomUUID().toString();

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Nested
  class OversizedCommits {
    @Test
    @DisplayName(
        "a commit whose payloads exceed the limit is refused, naming its size and the limit")
    void givenCommitOverTheLimit_whenAppend_thenInvalidCommitNamesSizeAndLimit() {
      NewCommit commit = createdCommit(orderId, 12, largestValidEvent(orderId));
      int payloadBytes = payloadBytes(commit);

      assertThat(payloadBytes)
          .as("precondition")
          .isGreaterThan(DynamoDbEventStore.MAX_COMMIT_BYTES);
      assertThatThrownBy(() -> store.append(commit))
          .isInstanceOf(InvalidCommit.class)
          .hasMessageContaining(payloadBytes + " bytes")
          .hasMessageContaining(DynamoDbEventStore.MAX_COMMIT_BYTES + " bytes");
    }

    @Test
    @DisplayName("a refused oversized commit writes nothing")
    void givenCommitOverTheLimit_whenAppend_thenNothingIsWritten() {
      NewCommit commit = createdCommit(orderId, 12, largestValidEvent(orderId));

      assertThatThrownBy(() -> store.append(commit)).isInstanceOf(InvalidCommit.class);

      assertThat(store.readEvents(orderId)).isEmpty();
      assertThat(store.currentVersion(orderId)).isZero();
    }

    @Test
    @DisplayName("a commit just under the limit is stored whole")
    void givenCommitJustUnderTheLimit_whenAppend_thenEveryEventIsStored() {
      NewCommit commit = createdCommit(orderId, 10, largestValidEvent(orderId));

      assertThat(payloadBytes(commit))
          .as("precondition")
          .isLessThan(DynamoDbEventStore.MAX_COMMIT_BYTES);
      store.append(commit);

      assertThat(store.readEvents(orderId)).hasSize(10);
      assertThat(store.currentVersion(orderId)).isEqualTo(10);
    }
  }

  @Test
  @DisplayName("a commit without events is refused")
  void givenCommitWithoutEvents_whenAppend_thenInvalidCommit() {
    NewCommit empty =
        new NewCommit(
            orderId,
            0,
            UUID.randomUUID().toString(),
            NewCommit.GENESIS_HASH,
            List.of(),
            new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId));

    assertThatThrownBy(() -> store.append(empty)).isInstanceOf(InvalidCommit.class);
    assertThat(store.currentVersion(orderId)).isZero();
  }

  static Stream<Arguments> payloadsThatBreakTheSchema() {
    return Stream.of(
        Arguments.of(
            "a quantity of 0",
            new LineItem("SKU-1", 0, new BigDecimal("12.50")),
            "EUR",
            "/items/0/quantity"),
        Arguments.of(
            "a lowercase currency",
            new LineItem("SKU-1", 2, new BigDecimal("12.50")),
            "eur",
            "/currency"),
        Arguments.of(
            "a sku of 129 characters",
            new LineItem("S".repeat(129), 2, new BigDecimal("12.50")),
            "EUR",
            "/items/0/sku"));
  }

  @ParameterizedTest(name = "{0}: refused by order-created v2 at {3}")
  @MethodSource("payloadsThatBreakTheSchema")
  @DisplayName("a payload that breaks its schema is refused, naming the schema and the JSON path")
  void givenPayloadBreakingItsSchema_whenAppend_thenInvalidCommitNamesSchemaAndPath(
      String why, LineItem item, String currency, String path) {
    NewCommit commit =
        createdCommit(orderId, 1, new OrderCreated(orderId, "customer-1", currency, List.of(item)));

    assertThatThrownBy(() -> store.append(commit))
        .isInstanceOf(InvalidCommit.class)
        .hasMessageContaining("order-created v2")
        .hasMessageContaining(path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloadsThatBreakTheSchema")
  @DisplayName("a payload that breaks its schema writes nothing, even beside valid events")
  void givenPayloadBreakingItsSchema_whenAppend_thenNothingIsWritten(
      String why, LineItem item, String currency, String path) {
    OrderCreated valid =
        new OrderCreated(
            orderId, "customer-1", "EUR", List.of(new LineItem("SKU-1", 1, BigDecimal.ONE)));
    OrderCreated broken = new OrderCreated(orderId, "customer-1", currency, List.of(item));
    NewCommit commit =
        new NewCommit(
            orderId,
            0,
            UUID.randomUUID().toString(),
            NewCommit.GENESIS_HASH,
            List.of(event(valid), event(broken)),
            new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId));

    assertThatThrownBy(() -> store.append(commit)).isInstanceOf(InvalidCommit.class);

    assertThat(store.readEvents(orderId)).isEmpty();
    assertThat(store.currentVersion(orderId)).isZero();
  }

  @Nested
  class UnreadableStoredEvents {
    @Test
    @DisplayName("a stored event of an unknown type is still read back as stored")
    void givenStoredEventOfUnknownType_whenReadEvents_thenItIsReturnedAsStored() {
      store.append(Commits.orderCreated(orderId));
      writeRaw(orderId, 2, "order-teleported", 1, "{\"to\":\"mars\"}");

      List<StoredEvent> stream = store.readEvents(orderId);

      assertThat(stream).extracting(StoredEvent::version).containsExactly(1L, 2L);
      assertThat(stream.get(1).type()).isEqualTo("order-teleported");
      assertThat(stream.get(1).data()).isEqualTo("{\"to\":\"mars\"}");
    }

    @Test
    @DisplayName(
        "decoding a stored event of an unknown type fails, naming the type and the version")
    void givenStoredEventOfUnknownType_whenDecoded_thenUnreadableEventNamesTypeAndVersion() {
      store.append(Commits.orderCreated(orderId));
      writeRaw(orderId, 2, "order-teleported", 1, "{\"to\":\"mars\"}");
      StoredEvent teleported = store.readEvents(orderId).get(1);

      assertThatThrownBy(() -> store.codec().decode(teleported))
          .isInstanceOf(UnreadableEvent.class)
          .hasMessageContaining("order-teleported")
          .hasMessageContaining("version 2");
    }

    @Test
    @DisplayName("decoding an event of a schema version newer than the code fails, naming it")
    void givenStoredEventOfNewerSchemaVersion_whenDecoded_thenUnreadableEvent() {
      String v2Payload =
          store
              .codec()
              .encode(
                  new OrderCreated(
                      orderId,
                      "customer-1",
                      "EUR",
                      List.of(new LineItem("SKU-1", 1, BigDecimal.ONE))));
      writeRaw(orderId, 1, "order-created", 3, v2Payload);
      StoredEvent fromTheFuture = store.readEvents(orderId).get(0);

      assertThat(fromTheFuture.schemaVersion()).isEqualTo(3);
      assertThatThrownBy(() -> store.codec().decode(fromTheFuture))
          .isInstanceOf(UnreadableEvent.class)
          .hasMessageContaining("order-created v3");
    }
  }

  @Nested
  class DynamoDbDown {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DynamoDbClient unreachable =
        new AwsEndpoints(
                "us-east-1",
                Optional.of(URI.create("http://127.0.0.1:1")),
                Optional.empty(),
                Duration.ofMillis(500))
            .dynamoDbClient();
    private final DynamoDbEventStore down =
        new DynamoDbEventStore(
            unreachable, fixture.tables, new EventCodec(), Clock.systemUTC(), meters);

    @Test
    @DisplayName("an append to a server that is down fails as EventStoreUnavailable")
    void givenServerDown_whenAppend_thenEventStoreUnavailable() {
      assertThatThrownBy(() -> down.append(Commits.orderCreated(orderId)))
          .isInstanceOf(EventStoreUnavailable.class);
    }

    @Test
    @DisplayName("an append to a server that is down writes nothing")
    void givenServerDown_whenAppend_thenNothingReachesTheRealServer() {
      NewCommit commit = Commits.orderCreated(orderId);

      assertThatThrownBy(() -> down.append(commit)).isInstanceOf(EventStoreUnavailable.class);

      assertThat(store.readEvents(orderId)).isEmpty();
      assertThat(store.currentVersion(orderId)).isZero();
    }

    @Test
    @DisplayName("an append to a server that is down is counted as a persistence failure")
    void givenServerDown_whenAppend_thenPersistenceFailureIsCounted() {
      assertThatThrownBy(() -> down.append(Commits.orderCreated(orderId)))
          .isInstanceOf(EventStoreUnavailable.class);

      assertThat(meters.get("orderflow.events.persistence.failures").counter().count())
          .isEqualTo(1);
    }

    @Test
    @DisplayName("reads from a server that is down fail as EventStoreUnavailable")
    void givenServerDown_whenRead_thenEventStoreUnavailable() {
      assertThatThrownBy(() -> down.readEvents(orderId)).isInstanceOf(EventStoreUnavailable.class);
      assertThatThrownBy(() -> down.readEvents(orderId, 3, 5))
          .isInstanceOf(EventStoreUnavailable.class);
      assertThatThrownBy(() -> down.readCommits(orderId)).isInstanceOf(EventStoreUnavailable.class);
      assertThatThrownBy(() -> down.currentVersion(orderId))
          .isInstanceOf(EventStoreUnavailable.class);
      assertThatThrownBy(() -> down.head(orderId)).isInstanceOf(EventStoreUnavailable.class);
    }

    @Test
    @DisplayName("reading one commit from a server that is down fails as EventStoreUnavailable")
    void givenServerDown_whenReadCommit_thenEventStoreUnavailable() {
      assertThatThrownBy(() -> down.readCommit(orderId, 1))
          .isInstanceOf(EventStoreUnavailable.class);
    }

    @Test
    @DisplayName(
        "marking a commit published on a server that is down fails as EventStoreUnavailable")
    void givenServerDown_whenMarkPublished_thenEventStoreUnavailable() {
      store.append(Commits.orderCreated(orderId));

      assertThatThrownBy(() -> down.markPublished(orderId, 1))
          .isInstanceOf(EventStoreUnavailable.class);
      assertThat(store.readCommit(orderId, 1))
          .get()
          .extracting(StoredCommit::unpublished)
          .isEqualTo(true);
    }
  }

  /** An order-created event as large as its schema allows: 200 items with 128-character skus. */
  private static OrderCreated largestValidEvent(String orderId) {
    List<LineItem> items =
        IntStream.range(0, 200)
            .mapToObj(i -> new LineItem(MAX_SKU, 1, new BigDecimal("1.00")))
            .toList();
    return new OrderCreated(orderId, "customer-1", "EUR", items);
  }

  private static NewCommit createdCommit(String orderId, int copies, OrderCreated created) {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      events.add(event(created));
    }
    return new NewCommit(
        orderId,
        0,
        UUID.randomUUID().toString(),
        NewCommit.GENESIS_HASH,
        events,
        new CommitMetadata("corr-1", "cause-1", "test", "order-" + orderId));
  }

  private static NewEvent event(OrderCreated created) {
    return new NewEvent(UUID.randomUUID().toString(), OCCURRED, created);
  }

  private int payloadBytes(NewCommit commit) {
    return commit.events().stream()
        .mapToInt(e -> store.codec().encode(e.event()).getBytes(StandardCharsets.UTF_8).length)
        .sum();
  }

  /**
   * A one-event commit written straight through the SDK in the layout of docs/data-model.md, as a
   * newer orderflow (or someone behind the store's back) would have stored it.
   */
  private static void writeRaw(
      String orderId, long version, String type, int schemaVersion, String data) {
    Map<String, AttributeValue> event =
        Map.of(
            "eventId", AttributeValue.fromS(UUID.randomUUID().toString()),
            "type", AttributeValue.fromS(type),
            "schemaVersion", AttributeValue.fromN(Integer.toString(schemaVersion)),
            "occurredAt", AttributeValue.fromS("2026-11-26T10:15:32Z"),
            "data", AttributeValue.fromS(data));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("orderId", AttributeValue.fromS(orderId));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    item.put("lastVersion", AttributeValue.fromN(Long.toString(version)));
    item.put("commitId", AttributeValue.fromS(UUID.randomUUID().toString()));
    item.put("events", AttributeValue.fromL(List.of(AttributeValue.fromM(event))));
    item.put("eventTypes", AttributeValue.fromSs(List.of(type)));
    item.put("committedAt", AttributeValue.fromS("2026-11-26T10:15:33Z"));
    item.put("prevHash", AttributeValue.fromS("0".repeat(64)));
    item.put("hash", AttributeValue.fromS("f".repeat(64)));
    item.put("timeBucket", AttributeValue.fromS("2026-11-26T10#00"));
    item.put(
        "timeKey",
        AttributeValue.fromS(
            "2026-11-26T10:15:33.000000000Z#" + orderId + "#" + String.format("%019d", version)));
    fixture.dynamo.putItem(r -> r.tableName(fixture.tables.events()).item(item));
  }
}
