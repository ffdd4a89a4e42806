package io.orderflow.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The {@code projection:<name>} items of {@code orderflow_control}: which physical table serves
 * each read model (its active generation), the one it replaced (kept for rollback) and the one a
 * rebuild is filling. No item means the configured table. Readers ask at most once per {@link
 * #cache} period per projection, so a swap reaches every instance within that time.
 *
 * <p>While a generation is being built, live writers put each order into it as well as into the
 * active one; every change of the item is conditional, so two rebuilds can neither build nor swap
 * over each other.
 */
public final class ProjectionGenerations {
  static final String KEY_PREFIX = "projection:";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration cache;
  private final Map<String, Cached> cached = new ConcurrentHashMap<>();

  public ProjectionGenerations(DynamoDbClient dynamo, String controlTable, Duration cache) {
    this.dynamo = dynamo;
    this.table = controlTable;
    this.cache = cache;
  }

  /**
   * Where a projection stands.
   *
   * @param table the active generation: what reads and live writes use
   * @param revision counts swaps; a swap names the revision it replaces
   * @param previousTable the generation before the last swap, kept for rollback; null when none
   * @param building the generation a rebuild is filling, which live writes also go to; null when
   *     none
   * @param buildingBy the operation that fills it
   */
  public record Generation(
      String projection,
      String table,
      long revision,
      String previousTable,
      String building,
      String buildingBy,
      String switchedBy,
      Instant switchedAt) {}

  /** Another rebuild holds the projection, or swapped it first. */
  public static final class Conflict extends RuntimeException {
    public Conflict(String message) {
      super(message);
    }
  }

  public Duration cache() {
    return cache;
  }

  /** The projection's generation, at most {@link #cache} old. */
  public Generation current(String projection, String configuredTable) {
    Cached entry = cached.get(projection);
    if (entry == null || System.nanoTime() - entry.readAtNanos() > cache.toNanos()) {
      entry = new Cached(read(projection, configuredTable), System.nanoTime());
      cached.put(projection, entry);
    }
    return entry.generation();
  }

  /** The generation as stored now, bypassing the cache. */
  public Generation read(String projection, String configuredTable) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(projection)).consistentRead(true)).item();
    if (item == null || item.isEmpty() || !item.containsKey("activeTable")) {
      return new Generation(
          projection,
          configuredTable,
          0,
          null,
          text(item, "building"),
          text(item, "buildingBy"),
          null,
          null);
    }
    return new Generation(
        projection,
        item.get("activeTable").s(),
        Long.parseLong(item.get("revision").n()),
        text(item, "previousTable"),
        text(item, "building"),
        text(item, "buildingBy"),
        text(item, "switchedBy"),
        item.containsKey("switchedAt") ? Instant.parse(item.get("switchedAt").s()) : null);
  }

  /**
   * Announces the table a rebuild fills, so live writes go there too. A retry by the same rebuild
   * is a no-op.
   *
   * @param replacing a generation an earlier rebuild left announced and abandoned (its operation
   *     has ended) that this one may take over; null for none
   * @throws Conflict when another rebuild is filling the projection
   */
  public Generation startBuilding(
      String projection,
      String configuredTable,
      String building,
      String operationId,
      String replacing) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":b", s(building));
    values.put(":op", s(operationId));
    String condition = "attribute_not_exists(#b) OR #b = :b";
    if (replacing != null) {
      values.put(":stale", s(replacing));
      condition += " OR #b = :stale";
    }
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(table)
              .key(key(projection))
              .updateExpression("SET #b = :b, #by = :op")
              .conditionExpression(condition)
              .expressionAttributeNames(Map.of("#b", "building", "#by", "buildingBy"))
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException held) {
      Generation now = read(projection, configuredTable);
      throw new Conflict(
          "projection "
              + projection
              + " is being rebuilt into "
              + now.building()
              + " by operation "
              + now.buildingBy());
    }
    forget();
    return read(projection, configuredTable);
  }

  /** Withdraws an announced generation, if it is still the one announced. */
  public void stopBuilding(String projection, String building) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(projection))
                  .updateExpression("REMOVE #b, #by")
                  .conditionExpression("#b = :b")
                  .expressionAttributeNames(Map.of("#b", "building", "#by", "buildingBy"))
                  .expressionAttributeValues(Map.of(":b", s(building))));
    } catch (ConditionalCheckFailedException notOurs) {
      // withdrawn already, or another rebuild's: leave it
    }
    forget();
  }

  /**
   * Makes the announced generation {@code next} the active one, if the projection still stands at
   * {@code expectedRevision} and {@code next} is still the one announced: one conditional write, so
   * every reader sees either the old generation or the new one. The replaced generation becomes
   * {@code previousTable}. Swapping to where it already points (a retried swap) returns the stored
   * generation.
   *
   * @throws Conflict when another swap happened first, or {@code next} is no longer announced
   */
  public Generation switchTo(
      String projection,
      String configuredTable,
      String next,
      long expectedRevision,
      String switchedBy,
      Instant at) {
    Generation now = read(projection, configuredTable);
    if (now.table().equals(next) && now.revision() == expectedRevision + 1) {
      return now;
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":next", s(next));
    values.put(":old", s(now.table()));
    values.put(":rev", AttributeValue.fromN(Long.toString(expectedRevision + 1)));
    values.put(":expected", AttributeValue.fromN(Long.toString(expectedRevision)));
    values.put(":by", s(switchedBy));
    values.put(":at", s(at.toString()));
    String revisionHolds =
        expectedRevision == 0
            ? "(attribute_not_exists(#rev) OR #rev = :expected)"
            : "#rev = :expected";
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(table)
              .key(key(projection))
              .updateExpression(
                  "SET #t = :next, #prev = :old, #rev = :rev, #sby = :by, #sat = :at"
                      + " REMOVE #b, #by")
              .conditionExpression(revisionHolds + " AND #b = :next")
              .expressionAttributeNames(
                  Map.of(
                      "#t", "activeTable",
                      "#prev", "previousTable",
                      "#rev", "revision",
                      "#sby", "switchedBy",
                      "#sat", "switchedAt",
                      "#b", "building",
                      "#by", "buildingBy"))
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException moved) {
      throw new Conflict(
          "projection "
              + projection
              + " moved past revision "
              + expectedRevision
              + ", or "
              + next
              + " is no longer the generation being built");
    }
    forget();
    return read(projection, configuredTable);
  }

  /** Forgets the previous generation, if it is {@code previous}: it is about to be dropped. */
  public void forgetPrevious(String projection, String previous) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(projection))
                  .updateExpression("REMOVE #prev")
                  .conditionExpression("#prev = :p")
                  .expressionAttributeNames(Map.of("#prev", "previousTable"))
                  .expressionAttributeValues(Map.of(":p", s(previous))));
    } catch (ConditionalCheckFailedException already) {
      // forgotten already, or replaced by a later swap: nothing to do
    }
    forget();
  }

  /** Drops the cached generations, so the next call reads them. */
  public void forget() {
    cached.clear();
  }

  private static Map<String, AttributeValue> key(String projection) {
    return Map.of("key", s(KEY_PREFIX + projection));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item == null ? null : item.get(name);
    return v == null ? null : v.s();
  }

  private record Cached(Generation generation, long readAtNanos) {}
}
