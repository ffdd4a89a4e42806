package io.orderflow.check;

import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.recovery.check.CheckReport;
import io.orderflow.recovery.check.FindingKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The last finished consistency check's verdict: one item of {@code orderflow_control} ({@code key
 * = "consistency-check"}) with its finish time and its findings by kind. Every instance's gauges
 * read it, so the metrics say the same wherever the check ran and survive restarts. A verdict only
 * ever replaces an older one.
 */
public final class CheckVerdicts {
  static final String KEY = "consistency-check";

  private final DynamoDbClient dynamo;
  private final String table;

  public CheckVerdicts(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.control();
  }

  /** A check's time and counts. */
  public record Verdict(String operationId, Instant finishedAt, Map<FindingKind, Long> counts) {}

  /** Keeps the report's verdict unless a check that finished later is recorded already. */
  public void record(CheckReport report) {
    Instant finishedAt = Instant.parse(report.finishedAt());
    Map<String, AttributeValue> counts = new HashMap<>();
    report
        .counts()
        .forEach((kind, n) -> counts.put(kind.name(), AttributeValue.fromN(Long.toString(n))));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("key", AttributeValue.fromS(KEY));
    item.put("operationId", AttributeValue.fromS(report.operationId()));
    item.put("finishedAt", AttributeValue.fromS(CommitItems.sortableTime(finishedAt)));
    item.put("findingCount", AttributeValue.fromN(Long.toString(report.findingCount())));
    item.put("counts", AttributeValue.fromM(counts));
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#k) OR finishedAt <= :f")
                  .expressionAttributeNames(Map.of("#k", "key"))
                  .expressionAttributeValues(Map.of(":f", item.get("finishedAt"))));
    } catch (ConditionalCheckFailedException newerThere) {
      // a check that finished later has spoken already
    }
  }

  public Optional<Verdict> read() {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("key", AttributeValue.fromS(KEY)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
    item.get("counts")
        .m()
        .forEach(
            (kind, n) -> {
              try {
                counts.put(FindingKind.valueOf(kind), Long.parseLong(n.n()));
              } catch (IllegalArgumentException retired) {
                // a kind this version no longer knows
              }
            });
    return Optional.of(
        new Verdict(
            item.get("operationId").s(), Instant.parse(item.get("finishedAt").s()), counts));
  }
}
