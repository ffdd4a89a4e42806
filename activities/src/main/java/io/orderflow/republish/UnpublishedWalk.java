package io.orderflow.republish;

import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.recovery.republish.CommitRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks the sparse {@code unpublished-index} one write shard after the other, each oldest first, up
 * to a cutoff time. An order's commits all live in one shard, so its commits come in commit order.
 * The cursor ({@code <shard>|<timeKey>}) names the last commit handed out; commits published
 * meanwhile simply drop out of the index, so a real run and a dry run walk it the same way.
 */
final class UnpublishedWalk {
  static final int SHARDS = 8; // CommitItems.WRITE_SHARDS: the index's partitions per hour
  private static final String INDEX = "unpublished-index";
  private static final String BEFORE_ANY_TIME = "0"; // every sortable time starts with a digit > 0

  private final DynamoDbClient dynamo;
  private final ActiveTables tables;

  UnpublishedWalk(DynamoDbClient dynamo, ActiveTables tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  /** A batch and the cursor after it (null when the walk is done). */
  record Step(List<CommitRef> commits, String next) {}

  /**
   * @param cutoffKey the sortable time commits must be older than
   * @param cursor where the last step ended; null to start
   */
  Step next(String cutoffKey, String cursor, int limit) {
    int shard = cursor == null ? 0 : Integer.parseInt(cursor.substring(0, cursor.indexOf('|')));
    String after = cursor == null ? null : cursor.substring(cursor.indexOf('|') + 1);
    List<CommitRef> commits = new ArrayList<>();
    for (; shard < SHARDS; shard++, after = null) {
      Iterator<Map<String, AttributeValue>> items = shard(shard, after, cutoffKey, limit);
      while (items.hasNext()) {
        Map<String, AttributeValue> item = items.next();
        String timeKey = item.get("timeKey").s();
        if (timeKey.equals(after)) {
          continue; // BETWEEN is inclusive: the cursor's own commit went in the last step
        }
        commits.add(
            CommitRef.whole(item.get("orderId").s(), Long.parseLong(item.get("version").n())));
        if (commits.size() == limit) {
          return new Step(commits, shard + "|" + timeKey);
        }
      }
    }
    return new Step(commits, null);
  }

  private Iterator<Map<String, AttributeValue>> shard(
      int shard, String after, String cutoffKey, int limit) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(tables.events())
                    .indexName(INDEX)
                    .keyConditionExpression("unpublished = :s AND timeKey BETWEEN :lo AND :hi")
                    .expressionAttributeValues(
                        Map.of(
                            ":s", AttributeValue.fromS(String.format("%02d", shard)),
                            ":lo", AttributeValue.fromS(after == null ? BEFORE_ANY_TIME : after),
                            ":hi", AttributeValue.fromS(cutoffKey)))
                    .limit(Math.min(limit + 1, 100)))
        .items()
        .iterator();
  }
}
