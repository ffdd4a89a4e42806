package io.orderflow.control;

import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code active-tables} item of {@code orderflow_control}: which physical events and snapshots
 * tables serve. No item means the configured ones. Readers ask at most once per {@link #cache}
 * period, so a switch reaches every instance within that time; a restore switches under READ_ONLY
 * and waits longer than that before it lets writes back in.
 */
public final class ActiveTablesStore implements ActiveTables {
  static final String KEY = "active-tables";

  private final DynamoDbClient dynamo;
  private final String table;
  private final TableNames configured;
  private final Duration cache;
  private volatile Pointer cached;
  private volatile long readAtNanos;

  public ActiveTablesStore(DynamoDbClient dynamo, TableNames configured, Duration cache) {
    this.dynamo = dynamo;
    this.table = configured.control();
    this.configured = configured;
    this.cache = cache;
  }

  /**
   * Where the pointer stands, who moved it last and from where.
   *
   * @param revision counts switches; a switch names the revision it replaces, so two restores
   *     cannot both move the pointer from the same place
   * @param previousEvents the events table before the last switch (what a rollback returns to)
   */
  public record Pointer(
      String events,
      String snapshots,
      long revision,
      String previousEvents,
      String previousSnapshots,
      String switchedBy,
      Instant switchedAt) {}

  public Duration cache() {
    return cache;
  }

  @Override
  public String events() {
    return current().events();
  }

  @Override
  public String snapshots() {
    return current().snapshots();
  }

  /** The pointer, at most {@link #cache} old. */
  public Pointer current() {
    Pointer pointer = cached;
    if (pointer == null || System.nanoTime() - readAtNanos > cache.toNanos()) {
      pointer = read();
      cached = pointer;
      readAtNanos = System.nanoTime();
    }
    return pointer;
  }

  /** The pointer as stored now, bypassing the cache. */
  public Pointer read() {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("key", AttributeValue.fromS(KEY)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return new Pointer(configured.events(), configured.snapshots(), 0, null, null, null, null);
    }
    return new Pointer(
        item.get("events").s(),
        item.get("snapshots").s(),
        Long.parseLong(item.get("revision").n()),
        text(item, "previousEvents"),
        text(item, "previousSnapshots"),
        text(item, "switchedBy"),
        Optional.ofNullable(text(item, "switchedAt")).map(Instant::parse).orElse(null));
  }

  /**
   * Points at other tables, if the pointer still stands at {@code expectedRevision}. Switching to
   * where it already points (a retried switch) is a no-op that returns the stored pointer.
   *
   * @throws PointerMoved when someone else switched since {@code expectedRevision}
   */
  public Pointer switchTo(
      String events, String snapshots, long expectedRevision, String switchedBy, Instant at) {
    Pointer now = read();
    if (now.events().equals(events)
        && now.snapshots().equals(snapshots)
        && now.revision() == expectedRevision + 1) {
      return now;
    }
    Pointer next =
        new Pointer(
            events, snapshots, expectedRevision + 1, now.events(), now.snapshots(), switchedBy, at);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("key", AttributeValue.fromS(KEY));
    item.put("events", AttributeValue.fromS(events));
    item.put("snapshots", AttributeValue.fromS(snapshots));
    item.put("revision", AttributeValue.fromN(Long.toString(next.revision())));
    item.put("previousEvents", AttributeValue.fromS(now.events()));
    item.put("previousSnapshots", AttributeValue.fromS(now.snapshots()));
    item.put("switchedBy", AttributeValue.fromS(switchedBy));
    item.put("switchedAt", AttributeValue.fromS(at.toString()));
    var put =
        software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder()
            .tableName(table)
            .item(item)
            .expressionAttributeValues(
                Map.of(":expected", AttributeValue.fromN(Long.toString(expectedRevision))));
    if (expectedRevision == 0) {
      put.conditionExpression("attribute_not_exists(#k) OR revision = :expected")
          .expressionAttributeNames(Map.of("#k", "key"));
    } else {
      put.conditionExpression("revision = :expected");
    }
    try {
      dynamo.putItem(put.build());
    } catch (ConditionalCheckFailedException moved) {
      throw new PointerMoved(
          "the active tables moved past revision " + expectedRevision + " while this switch ran");
    }
    cached = null;
    return next;
  }

  /** Drops the cached pointer, so the next call reads it. */
  public void forget() {
    cached = null;
  }

  /** Another switch happened first. */
  public static final class PointerMoved extends RuntimeException {
    public PointerMoved(String message) {
      super(message);
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }
}
