package io.orderflow.eventstore.dynamodb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

/**
 * The sparse {@code unpublished-index}: only commits whose events have not all reached SNS are in
 * it. Read oldest first across its write shards; the republish runbook and the consistency check
 * start here.
 */
public final class UnpublishedIndex {
  private final DynamoDbClient dynamo;
  private final ActiveTables tables;

  public UnpublishedIndex(DynamoDbClient dynamo, ActiveTables tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  /** Up to {@code limit} unpublished commits, oldest commit first. */
  public List<UnpublishedCommit> oldest(int limit) {
    List<Iterator<Map<String, AttributeValue>>> shards = new ArrayList<>();
    for (int shard = 0; shard < CommitItems.WRITE_SHARDS; shard++) {
      shards.add(shard(shard, r -> r.limit(Math.min(limit, 100))).items().iterator());
    }
    List<UnpublishedCommit> oldest = new ArrayList<>();
    Iterator<Map<String, AttributeValue>> merged = ShardMerge.byTimeKey(shards);
    while (merged.hasNext() && oldest.size() < limit) {
      Map<String, AttributeValue> item = merged.next();
      oldest.add(
          new UnpublishedCommit(
              item.get(CommitItems.ORDER_ID).s(),
              Long.parseLong(item.get(CommitItems.VERSION).n()),
              java.time.Instant.parse(item.get("committedAt").s())));
    }
    return oldest;
  }

  /** How many commits wait for SNS, counting no further than {@code cap}. */
  public long count(long cap) {
    long count = 0;
    for (int shard = 0; shard < CommitItems.WRITE_SHARDS && count < cap; shard++) {
      count += shard(shard, r -> r.select(Select.COUNT)).stream().mapToLong(p -> p.count()).sum();
    }
    return Math.min(count, cap);
  }

  private QueryIterable shard(int shard, Consumer<QueryRequest.Builder> shape) {
    String key = String.format("%02d", shard);
    return dynamo.queryPaginator(
        r -> {
          r.tableName(tables.events())
              .indexName("unpublished-index")
              .keyConditionExpression(CommitItems.UNPUBLISHED + " = :s")
              .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(key)));
          shape.accept(r);
        });
  }
}
