package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.order.Order;
import io.orderflow.order.OrderStatus;
import io.orderflow.testing.Commits;
import io.orderflow.testing.LocalAws;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbEventStoreTest {
  private static final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  private static final TableNames tables = LocalAws.freshTables();
  private static final Instant NOW = Instant.parse("2026-11-26T10:15:31Z");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DynamoDbEventStore store =
      new DynamoDbEventStore(
          dynamo, tables, new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC), meters);
  private final String orderId = UUID.randomUUID().toString();

  @BeforeAll
  static void createTables() {
    new TableBootstrap(dynamo).createMissing(tables);
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @Test
  void givenNewOrder_whenAppendCreated_thenStreamReadsBackAsPendingOrderAtVersion1() {
    store.append(Commits.orderCreated(orderId));

    List<StoredEvent> events = store.readEvents(orderId);
    Order order = Order.fold(orderId, events.stream().map(store.codec()::decode).toList());

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.version()).isEqualTo(1);
              assertThat(e.type()).isEqualTo("order-created");
              assertThat(e.schemaVersion()).isEqualTo(2);
            });
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.total()).isEqualByComparingTo(new BigDecimal("25.00"));
    assertThat(order.version()).isEqualTo(1);
  }

  @Test
  void whenAppend_thenItemHoldsTheCommitLayoutWithUnpublishedMarker() {
    store.append(Commits.orderCreated(orderId));

    Map<String, AttributeValue> item = rawItem(orderId, 1);

    assertThat(item.get("lastVersion").n()).isEqualTo("1");
    assertThat(item.get("prevHash").s()).isEqualTo(NewCommit.GENESIS_HASH);
    assertThat(item.get("hash").s()).hasSize(64);
    assertThat(item.get("committedAt").s()).isEqualTo(NOW.toString());
    assertThat(item.get("timeBucket").s()).startsWith("2026-11-26T10#");
    assertThat(item.get("timeKey").s())
        .startsWith("2026-11-26T10:15:31.000000000Z#" + orderId + "#");
    assertThat(item).containsKey("unpublished");
    assertThat(item.get("events").l().get(0).m().get("data").s()).contains("\"currency\":\"EUR\"");
  }

  @Test
  void givenCommitAtVersion1_whenAnotherWriterAppendsAtVersion1_thenConcurrencyConflict() {
    store.append(Commits.orderCreated(orderId));

    assertThatThrownBy(() -> store.append(Commits.orderCreated(orderId)))
        .isInstanceOfSatisfying(
            ConcurrencyConflict.class,
            c -> {
              assertThat(c.expectedVersion()).isZero();
              assertThat(c.actualVersion()).isEqualTo(1);
            });
    assertThat(store.readEvents(orderId)).hasSize(1);
  }

  @Test
  void givenLandedCommit_whenSameCommitIsRetried_thenSameResultAndNothingDuplicated() {
    NewCommit commit = Commits.orderCreated(orderId, "commit-1");
    AppendResult first = store.append(commit);

    AppendResult retried = store.append(commit);

    assertThat(retried).isEqualTo(first);
    assertThat(store.readEvents(orderId)).hasSize(1);
  }

  @Test
  void givenTwoCommits_thenSecondChainsToTheHashOfTheFirst() {
    NewCommit first = Commits.orderCreated(orderId);
    AppendResult appended = store.append(first);
    store.append(Commits.next(first, appended.hash()));

    List<StoredCommit> commits = store.readCommits(orderId);

    assertThat(commits).extracting(StoredCommit::version).containsExactly(1L, 2L);
    assertThat(commits.get(1).prevHash()).isEqualTo(commits.get(0).hash());
    assertThat(commits.get(1).hash()).isEqualTo(CommitHash.of(commits.get(1)));
    assertThat(store.currentVersion(orderId)).isEqualTo(2);
  }

  @Test
  void givenUnpublishedCommit_whenMarkedPublished_thenMarkerIsGone() {
    store.append(Commits.orderCreated(orderId));

    store.markPublished(orderId, 1);

    assertThat(rawItem(orderId, 1)).doesNotContainKey("unpublished");
    assertThat(store.readCommit(orderId, 1))
        .get()
        .extracting(StoredCommit::unpublished)
        .isEqualTo(false);
  }

  @Test
  void givenUnknownOrder_thenStreamIsEmptyAndVersionIsZero() {
    assertThat(store.readEvents("no-such-order")).isEmpty();
    assertThat(store.currentVersion("no-such-order")).isZero();
  }

  @Test
  void whenAppend_thenWriteIsCountedAndTimed() {
    store.append(Commits.orderCreated(orderId));

    assertThat(meters.get("orderflow.events.written").counter().count()).isEqualTo(1);
    assertThat(meters.get("orderflow.events.write.latency").timer().count()).isEqualTo(1);
  }

  private static Map<String, AttributeValue> rawItem(String orderId, long version) {
    return dynamo
        .getItem(
            r ->
                r.tableName(tables.events())
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "orderId", AttributeValue.fromS(orderId),
                            "version", AttributeValue.fromN(Long.toString(version)))))
        .item();
  }
}
