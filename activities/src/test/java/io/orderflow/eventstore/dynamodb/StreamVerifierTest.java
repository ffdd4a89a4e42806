package io.orderflow.eventstore.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.testing.Commits;
import io.orderflow.testing.StoreFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tampering behind the store's back, straight through the AWS SDK, is found at its version. */
class StreamVerifierTest {
  private static final StoreFixture fixture = new StoreFixture();
  private final DynamoDbEventStore store = fixture.store();
  private final String orderId = UUID.randomUUID().toString();

  @AfterAll
  static void close() {
    fixture.close();
  }

  @BeforeEach
  void fiveCommits() {
    NewCommit commit = Commits.orderCreated(orderId);
    AppendResult appended = store.append(commit);
    for (int i = 2; i <= 5; i++) {
      commit = Commits.next(commit, appended.hash());
      appended = store.append(commit);
    }
  }

  @Test
  void givenUntouchedStream_thenNothingIsFound() {
    assertThat(store.verify(orderId)).isEmpty();
  }

  @Test
  void givenCommitDeleted_thenGapAtItsVersion() {
    fixture.dynamo.deleteItem(r -> r.tableName(fixture.tables.events()).key(key(3)));

    assertThat(store.verify(orderId))
        .get()
        .satisfies(
            f -> {
              assertThat(f.problem()).isEqualTo(StreamVerifier.Problem.GAP);
              assertThat(f.version()).isEqualTo(3);
            });
  }

  @Test
  void givenPayloadAltered_thenHashMismatchAtItsVersion() {
    alterPayload(2, "\"quantity\":2", "\"quantity\":20");

    assertThat(store.verify(orderId))
        .get()
        .satisfies(
            f -> {
              assertThat(f.problem()).isEqualTo(StreamVerifier.Problem.HASH_MISMATCH);
              assertThat(f.version()).isEqualTo(2);
            });
  }

  @Test
  void givenPayloadAlteredAndRehashed_thenTheNextCommitNoLongerChains() {
    alterPayload(2, "\"quantity\":2", "\"quantity\":20");
    StoredCommit altered = store.readCommit(orderId, 2).orElseThrow();
    fixture.dynamo.updateItem(
        r ->
            r.tableName(fixture.tables.events())
                .key(key(2))
                .updateExpression("SET #h = :h")
                .expressionAttributeNames(Map.of("#h", "hash"))
                .expressionAttributeValues(
                    Map.of(":h", AttributeValue.fromS(CommitHash.of(altered)))));

    assertThat(store.verify(orderId))
        .get()
        .satisfies(
            f -> {
              assertThat(f.problem()).isEqualTo(StreamVerifier.Problem.BROKEN_CHAIN);
              assertThat(f.version()).isEqualTo(3);
            });
  }

  @Test
  void givenTwoCommitsSwapped_thenTheChainBreaksAtTheFirstOfThem() {
    Map<String, AttributeValue> third = rawItem(3);
    Map<String, AttributeValue> fourth = rawItem(4);
    fixture.dynamo.putItem(r -> r.tableName(fixture.tables.events()).item(withVersion(fourth, 3)));
    fixture.dynamo.putItem(r -> r.tableName(fixture.tables.events()).item(withVersion(third, 4)));

    assertThat(store.verify(orderId)).get().satisfies(f -> assertThat(f.version()).isEqualTo(3));
  }

  private void alterPayload(long version, String from, String to) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(rawItem(version));
    Map<String, AttributeValue> event = new java.util.HashMap<>(item.get("events").l().get(0).m());
    event.put("data", AttributeValue.fromS(event.get("data").s().replace(from, to)));
    item.put("events", AttributeValue.fromL(java.util.List.of(AttributeValue.fromM(event))));
    fixture.dynamo.putItem(r -> r.tableName(fixture.tables.events()).item(item));
  }

  private static Map<String, AttributeValue> withVersion(
      Map<String, AttributeValue> item, long version) {
    Map<String, AttributeValue> moved = new java.util.HashMap<>(item);
    moved.put("version", AttributeValue.fromN(Long.toString(version)));
    moved.put("lastVersion", AttributeValue.fromN(Long.toString(version)));
    return moved;
  }

  private Map<String, AttributeValue> rawItem(long version) {
    return fixture
        .dynamo
        .getItem(r -> r.tableName(fixture.tables.events()).key(key(version)).consistentRead(true))
        .item();
  }

  private Map<String, AttributeValue> key(long version) {
    return Map.of(
        "orderId", AttributeValue.fromS(orderId),
        "version", AttributeValue.fromN(Long.toString(version)));
  }
}
