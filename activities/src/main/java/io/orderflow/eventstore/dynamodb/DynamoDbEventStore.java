package io.orderflow.eventstore.dynamodb;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.EventType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The event store on DynamoDB. An append is one conditional put keyed by the commit's first
 * version: two writers that decided on the same version collide on the same key, so optimistic
 * concurrency needs no transaction.
 */
public final class DynamoDbEventStore {
  /** Commits are kept well under DynamoDB's 400 KB item limit; larger ones are refused. */
  public static final int MAX_COMMIT_BYTES = 350 * 1024;

  private final DynamoDbClient dynamo;
  private final String table;
  private final EventCodec codec;
  private final Clock clock;
  private final EventStoreMetrics metrics;

  public DynamoDbEventStore(
      DynamoDbClient dynamo,
      TableNames tables,
      EventCodec codec,
      Clock clock,
      MeterRegistry meters) {
    this.dynamo = dynamo;
    this.table = tables.events();
    this.codec = codec;
    this.clock = clock;
    this.metrics = new EventStoreMetrics(meters);
  }

  /**
   * Appends a commit. Idempotent on the commit id.
   *
   * @throws ConcurrencyConflict when a different commit already holds the version
   * @throws InvalidCommit when the commit is empty or too large; nothing is written
   */
  public AppendResult append(NewCommit commit) {
    StoredCommit stored = toStored(commit);
    Map<String, AttributeValue> item = CommitItems.toItem(stored);
    try {
      PutItemResponse response =
          metrics.timeWrite(
              () ->
                  dynamo.putItem(
                      r ->
                          r.tableName(table)
                              .item(item)
                              .conditionExpression("attribute_not_exists(orderId)")
                              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
      metrics.written(stored.events().size(), response.consumedCapacity());
      return new AppendResult(
          stored.orderId(), stored.version(), stored.lastVersion(), stored.hash());
    } catch (ConditionalCheckFailedException e) {
      return resolveCollision(stored);
    } catch (RuntimeException e) {
      metrics.failed(e);
      throw e;
    }
  }

  // A retry of a commit that already landed finds its own commit id at the key.
  private AppendResult resolveCollision(StoredCommit attempted) {
    Optional<StoredCommit> existing = readCommit(attempted.orderId(), attempted.version());
    if (existing.isPresent() && existing.get().commitId().equals(attempted.commitId())) {
      StoredCommit landed = existing.get();
      return new AppendResult(
          landed.orderId(), landed.version(), landed.lastVersion(), landed.hash());
    }
    metrics.conflict();
    throw new ConcurrencyConflict(
        attempted.orderId(), attempted.version() - 1, currentVersion(attempted.orderId()));
  }

  private StoredCommit toStored(NewCommit commit) {
    if (commit.events().isEmpty()) {
      throw new InvalidCommit("a commit holds at least one event");
    }
    List<StoredEvent> events = new ArrayList<>();
    long version = commit.firstVersion();
    int bytes = 0;
    for (NewEvent e : commit.events()) {
      EventType type = EventType.of(e.event());
      String data = codec.encode(e.event());
      bytes += data.length();
      events.add(
          new StoredEvent(
              version++, e.eventId(), type.wireName(), type.schemaVersion(), e.occurredAt(), data));
    }
    if (bytes > MAX_COMMIT_BYTES) {
      throw new InvalidCommit(
          "commit of " + bytes + " bytes exceeds the limit of " + MAX_COMMIT_BYTES + " bytes");
    }
    StoredCommit unsigned =
        new StoredCommit(
            commit.orderId(),
            commit.firstVersion(),
            commit.lastVersion(),
            commit.commitId(),
            events,
            commit.metadata(),
            clock.instant(),
            commit.prevHash(),
            "",
            true);
    return withHash(unsigned, CommitHash.of(unsigned));
  }

  private static StoredCommit withHash(StoredCommit c, String hash) {
    return new StoredCommit(
        c.orderId(),
        c.version(),
        c.lastVersion(),
        c.commitId(),
        c.events(),
        c.metadata(),
        c.committedAt(),
        c.prevHash(),
        hash,
        c.unpublished());
  }

  /** The commit whose first version is {@code version}, read consistently. */
  public Optional<StoredCommit> readCommit(String orderId, long version) {
    GetItemResponse response =
        dynamo.getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            CommitItems.ORDER_ID,
                            CommitItems.s(orderId),
                            CommitItems.VERSION,
                            CommitItems.n(version))));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(CommitItems.fromItem(response.item()))
        : Optional.empty();
  }

  /** Every commit of a stream, oldest first, across as many query pages as it takes. */
  public List<StoredCommit> readCommits(String orderId) {
    List<StoredCommit> commits = new ArrayList<>();
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("orderId = :id")
            .expressionAttributeValues(Map.of(":id", CommitItems.s(orderId)))
            .consistentRead(true)
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .build();
    metrics.timeRead(
        () -> {
          for (QueryResponse page : dynamo.queryPaginator(request)) {
            metrics.read(page.consumedCapacity());
            page.items().forEach(item -> commits.add(CommitItems.fromItem(item)));
          }
          return commits;
        });
    return commits;
  }

  /** Every event of a stream, oldest first. Empty for an unknown order. */
  public List<StoredEvent> readEvents(String orderId) {
    return readCommits(orderId).stream().flatMap(c -> c.events().stream()).toList();
  }

  /** The version of the stream's last event; 0 when the stream is empty. */
  public long currentVersion(String orderId) {
    QueryResponse last =
        dynamo.query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("orderId = :id")
                    .expressionAttributeValues(Map.of(":id", CommitItems.s(orderId)))
                    .scanIndexForward(false)
                    .limit(1)
                    .consistentRead(true));
    return last.items().isEmpty() ? 0 : Long.parseLong(last.items().get(0).get("lastVersion").n());
  }

  /** Removes the commit's unpublished marker, once the bus has all of its events. */
  public void markPublished(String orderId, long version) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(
                    Map.of(
                        CommitItems.ORDER_ID,
                        CommitItems.s(orderId),
                        CommitItems.VERSION,
                        CommitItems.n(version)))
                .updateExpression("REMOVE " + CommitItems.UNPUBLISHED)
                .conditionExpression("attribute_exists(orderId)"));
  }

  public EventCodec codec() {
    return codec;
  }
}
