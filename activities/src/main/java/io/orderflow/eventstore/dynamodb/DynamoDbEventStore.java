package io.orderflow.eventstore.dynamodb;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.schema.SchemaValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
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
  private final ActiveTables tables;
  private final EventCodec codec;
  private final Clock clock;
  private final EventStoreMetrics metrics;
  private final SchemaValidator schemas = new SchemaValidator();

  public DynamoDbEventStore(
      DynamoDbClient dynamo,
      ActiveTables tables,
      EventCodec codec,
      Clock clock,
      MeterRegistry meters) {
    this.dynamo = dynamo;
    this.tables = tables;
    this.codec = codec;
    this.clock = clock;
    this.metrics = new EventStoreMetrics(meters);
  }

  /**
   * Appends a commit. Idempotent on the commit id.
   *
   * @throws ConcurrencyConflict when a different commit already holds the version
   * @throws InvalidCommit when the commit is empty, too large, or breaks its schema; nothing is
   *     written
   * @throws EventStoreUnavailable when DynamoDB cannot be reached; the commit may or may not have
   *     landed, and a retry with the same commit id settles which
   */
  public AppendResult append(NewCommit commit) {
    return append(commit, tables.events());
  }

  /**
   * Appends a commit to one named events table: the one the caller has just checked the stream's
   * head in, so that a switch of the active tables between the check and the write cannot send the
   * commit elsewhere. Same contract as {@link #append(NewCommit)}.
   */
  public AppendResult append(NewCommit commit, String eventsTable) {
    StoredCommit stored = toStored(commit);
    Map<String, AttributeValue> item = CommitItems.toItem(stored);
    try {
      PutItemResponse response =
          metrics.timeWrite(
              () ->
                  dynamo.putItem(
                      r ->
                          r.tableName(eventsTable)
                              .item(item)
                              .conditionExpression("attribute_not_exists(orderId)")
                              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
      metrics.written(stored.events().size(), response.consumedCapacity());
      return new AppendResult(
          stored.orderId(), stored.version(), stored.lastVersion(), stored.hash());
    } catch (ConditionalCheckFailedException e) {
      return unavailableIfDown(() -> resolveCollision(stored, eventsTable));
    } catch (SdkClientException e) {
      metrics.failed(e);
      throw new EventStoreUnavailable(e);
    } catch (RuntimeException e) {
      metrics.failed(e);
      throw e;
    }
  }

  private static <T> T unavailableIfDown(Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkClientException e) {
      throw new EventStoreUnavailable(e);
    }
  }

  // A retry of a commit that already landed finds its own commit id at the key.
  private AppendResult resolveCollision(StoredCommit attempted, String eventsTable) {
    Optional<StoredCommit> existing =
        readCommit(attempted.orderId(), attempted.version(), eventsTable);
    if (existing.isPresent() && existing.get().commitId().equals(attempted.commitId())) {
      StoredCommit landed = existing.get();
      return new AppendResult(
          landed.orderId(), landed.version(), landed.lastVersion(), landed.hash());
    }
    metrics.conflict();
    throw new ConcurrencyConflict(
        attempted.orderId(),
        attempted.version() - 1,
        head(attempted.orderId(), eventsTable).map(StoredCommit::lastVersion).orElse(0L));
  }

  private StoredCommit toStored(NewCommit commit) {
    if (commit.events().isEmpty()) {
      throw new InvalidCommit("a commit holds at least one event");
    }
    List<StoredEvent> events = new ArrayList<>();
    long version = commit.firstVersion();
    int bytes = 0;
    for (NewEvent e : commit.events()) {
      StoredEvent stored = codec.toStored(version++, e);
      List<String> broken =
          schemas.violations(stored.type(), stored.schemaVersion(), stored.data());
      if (!broken.isEmpty()) {
        throw new InvalidCommit(
            "event "
                + e.eventId()
                + " breaks schema "
                + stored.type()
                + " v"
                + stored.schemaVersion()
                + ": "
                + String.join("; ", broken));
      }
      bytes += stored.data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      events.add(stored);
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
    return readCommit(orderId, version, tables.events());
  }

  /** The commit whose first version is {@code version} in one named events table. */
  public Optional<StoredCommit> readCommit(String orderId, long version, String eventsTable) {
    GetItemResponse response =
        unavailableIfDown(
            () ->
                dynamo.getItem(
                    r ->
                        r.tableName(eventsTable)
                            .consistentRead(true)
                            .key(
                                Map.of(
                                    CommitItems.ORDER_ID,
                                    CommitItems.s(orderId),
                                    CommitItems.VERSION,
                                    CommitItems.n(version)))));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(CommitItems.fromItem(response.item()))
        : Optional.empty();
  }

  /** Every commit of a stream, oldest first, across as many query pages as it takes. */
  public List<StoredCommit> readCommits(String orderId) {
    return readCommits(orderId, 1, Long.MAX_VALUE);
  }

  /**
   * The commits holding versions {@code from..to} of a stream, oldest first. Commits are keyed by
   * their first version, so the one holding {@code from} may start before it.
   */
  public List<StoredCommit> readCommits(String orderId, long from, long to) {
    return readCommits(orderId, from, to, false);
  }

  /**
   * Every event after {@code version}, oldest first. {@code version} must end a commit (as a
   * snapshot's version always does), which spares the lookup of the commit holding it.
   */
  public List<StoredEvent> readEventsAfterCommit(String orderId, long version) {
    return readCommits(orderId, version + 1, Long.MAX_VALUE, true).stream()
        .flatMap(c -> c.events().stream())
        .toList();
  }

  /**
   * The stream's newest commits, at most {@code commits} of them, in one consistent query read
   * newest first (a single page, so also cut short by DynamoDB's 1 MB page limit). A tail that
   * reaches version 1 is the whole stream: an order shorter than the page loads in one round trip.
   */
  public StreamTail readTail(String orderId, int commits) {
    if (commits < 1) {
      throw new IllegalArgumentException("a tail holds at least one commit, not " + commits);
    }
    return unavailableIfDown(
        () ->
            metrics.timeRead(
                () -> {
                  QueryResponse page =
                      dynamo.query(
                          r ->
                              r.tableName(tables.events())
                                  .keyConditionExpression("orderId = :id")
                                  .expressionAttributeValues(Map.of(":id", CommitItems.s(orderId)))
                                  .scanIndexForward(false)
                                  .limit(commits)
                                  .consistentRead(true)
                                  .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                  metrics.read(page.consumedCapacity());
                  List<StoredCommit> oldestFirst = new ArrayList<>(page.items().size());
                  for (int i = page.items().size() - 1; i >= 0; i--) {
                    oldestFirst.add(CommitItems.fromItem(page.items().get(i)));
                  }
                  return new StreamTail(oldestFirst);
                }));
  }

  private List<StoredCommit> readCommits(
      String orderId, long from, long to, boolean fromStartsACommit) {
    return unavailableIfDown(
        () ->
            metrics.timeRead(
                () -> {
                  long start =
                      from <= 1 || fromStartsACommit ? from : startOfCommitHolding(orderId, from);
                  List<StoredCommit> commits = new ArrayList<>();
                  QueryRequest request =
                      QueryRequest.builder()
                          .tableName(tables.events())
                          .keyConditionExpression("orderId = :id AND version BETWEEN :from AND :to")
                          .expressionAttributeValues(
                              Map.of(
                                  ":id", CommitItems.s(orderId),
                                  ":from", CommitItems.n(start),
                                  ":to", CommitItems.n(to)))
                          .consistentRead(true)
                          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                          .build();
                  for (QueryResponse page : dynamo.queryPaginator(request)) {
                    metrics.read(page.consumedCapacity());
                    page.items().forEach(item -> commits.add(CommitItems.fromItem(item)));
                  }
                  return commits;
                }));
  }

  private long startOfCommitHolding(String orderId, long version) {
    QueryResponse holding =
        dynamo.query(
            r ->
                r.tableName(tables.events())
                    .keyConditionExpression("orderId = :id AND version <= :v")
                    .expressionAttributeValues(
                        Map.of(":id", CommitItems.s(orderId), ":v", CommitItems.n(version)))
                    .scanIndexForward(false)
                    .limit(1)
                    .consistentRead(true));
    return holding.items().isEmpty()
        ? version
        : Long.parseLong(holding.items().get(0).get(CommitItems.VERSION).n());
  }

  /** Every event of a stream, oldest first. Empty for an unknown order. */
  public List<StoredEvent> readEvents(String orderId) {
    return readEvents(orderId, 1, Long.MAX_VALUE);
  }

  /** Events {@code from..to} (inclusive) of a stream, oldest first. */
  public List<StoredEvent> readEvents(String orderId, long from, long to) {
    return readCommits(orderId, from, to).stream()
        .flatMap(c -> c.events().stream())
        .filter(e -> e.version() >= from && e.version() <= to)
        .toList();
  }

  /** Walks the stream's hash chain; empty when it is intact. */
  public Optional<StreamVerifier.Finding> verify(String orderId) {
    return StreamVerifier.verify(orderId, readCommits(orderId));
  }

  /** The stream's newest commit, read consistently; empty for an unknown order. */
  public Optional<StoredCommit> head(String orderId) {
    return head(orderId, tables.events());
  }

  /** The stream's newest commit in one named events table, read consistently. */
  public Optional<StoredCommit> head(String orderId, String eventsTable) {
    QueryResponse last =
        unavailableIfDown(
            () ->
                dynamo.query(
                    r ->
                        r.tableName(eventsTable)
                            .keyConditionExpression("orderId = :id")
                            .expressionAttributeValues(Map.of(":id", CommitItems.s(orderId)))
                            .scanIndexForward(false)
                            .limit(1)
                            .consistentRead(true)));
    return last.items().stream().findFirst().map(CommitItems::fromItem);
  }

  /** The version of the stream's last event; 0 when the stream is empty. */
  public long currentVersion(String orderId) {
    return head(orderId).map(StoredCommit::lastVersion).orElse(0L);
  }

  /** Removes the commit's unpublished marker, once the bus has all of its events. */
  public void markPublished(String orderId, long version) {
    unavailableIfDown(
        () ->
            dynamo.updateItem(
                r ->
                    r.tableName(tables.events())
                        .key(
                            Map.of(
                                CommitItems.ORDER_ID,
                                CommitItems.s(orderId),
                                CommitItems.VERSION,
                                CommitItems.n(version)))
                        .updateExpression("REMOVE " + CommitItems.UNPUBLISHED)
                        .conditionExpression("attribute_exists(orderId)")));
  }

  public EventCodec codec() {
    return codec;
  }
}
