package io.orderflow.eventstore.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Events across all orders by commit time, over the {@code by-time} index. Each hour is written to
 * {@link CommitItems#WRITE_SHARDS} partitions; a query reads the shards of an hour side by side and
 * merges them by {@code timeKey}, lazily, so a page costs what it returns.
 */
public final class EventExplorer {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
  private static final int QUERY_PAGE = 100;

  private final DynamoDbClient dynamo;
  private final ActiveTables tables;

  public EventExplorer(DynamoDbClient dynamo, ActiveTables tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  public ExplorerPage query(ExplorerQuery query) {
    Position after = query.pageToken().map(Position::decode).orElse(null);
    if (after != null
        && (after.time().isBefore(query.from()) || !after.time().isBefore(query.to()))) {
      // Not a page of this query: it would list events outside [from, to), or walk every hour
      // between a forged position and the range.
      throw new InvalidQuery("pageToken", "belongs to another time range");
    }
    String lowKey = after != null ? after.timeKey() : CommitItems.sortableTime(query.from());
    // A timeKey is the sortable time plus "#…", so one at exactly `to` sorts after `to`'s own
    // text: the range is [from, to).
    String highKey = CommitItems.sortableTime(query.to());
    List<ExplorerPage.Entry> page = new ArrayList<>();
    Instant hour = query.from().truncatedTo(ChronoUnit.HOURS);
    if (after != null) {
      hour = after.time().truncatedTo(ChronoUnit.HOURS);
    }
    for (; hour.isBefore(query.to()); hour = hour.plus(1, ChronoUnit.HOURS)) {
      Iterator<Map<String, AttributeValue>> items =
          mergedShards(hour, lowKey, highKey, query.type());
      while (items.hasNext()) {
        StoredCommit commit = CommitItems.fromItem(items.next());
        for (StoredEvent event : commit.events()) {
          if (after != null && sameCommit(after, commit) && event.version() <= after.version()) {
            continue;
          }
          if (query.type().isPresent() && !query.type().get().equals(event.type())) {
            continue;
          }
          if (page.size() == query.limit()) {
            ExplorerPage.Entry last = page.get(page.size() - 1);
            return new ExplorerPage(page, Optional.of(Position.of(last).encode()));
          }
          page.add(
              new ExplorerPage.Entry(
                  commit.orderId(), commit.committedAt(), commit.version(), event));
        }
      }
    }
    return new ExplorerPage(page, Optional.empty());
  }

  private static boolean sameCommit(Position after, StoredCommit commit) {
    return after
        .timeKey()
        .equals(CommitItems.timeKey(commit.committedAt(), commit.orderId(), commit.version()));
  }

  private Iterator<Map<String, AttributeValue>> mergedShards(
      Instant hour, String lowKey, String highKey, Optional<String> type) {
    List<Iterator<Map<String, AttributeValue>>> shards = new ArrayList<>();
    for (int shard = 0; shard < CommitItems.WRITE_SHARDS; shard++) {
      shards.add(
          shardItems(
              HOUR.format(hour) + "#" + String.format("%02d", shard), lowKey, highKey, type));
    }
    return ShardMerge.byTimeKey(shards);
  }

  private Iterator<Map<String, AttributeValue>> shardItems(
      String bucket, String lowKey, String highKey, Optional<String> type) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":b", AttributeValue.fromS(bucket));
    values.put(":lo", AttributeValue.fromS(lowKey));
    values.put(":hi", AttributeValue.fromS(highKey));
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(tables.events())
            .indexName("by-time")
            .keyConditionExpression("timeBucket = :b AND timeKey BETWEEN :lo AND :hi")
            .limit(QUERY_PAGE);
    type.ifPresent(
        t -> {
          values.put(":t", AttributeValue.fromS(t));
          request.filterExpression("contains(" + CommitItems.EVENT_TYPES + ", :t)");
        });
    request.expressionAttributeValues(values);
    return dynamo.queryPaginator(request.build()).items().iterator();
  }

  /** Where a page ended: the last event's commit and version. Opaque to clients. */
  private record Position(String timeKey, long version) {
    static Position of(ExplorerPage.Entry entry) {
      return new Position(
          CommitItems.timeKey(entry.committedAt(), entry.orderId(), entry.commitVersion()),
          entry.event().version());
    }

    /** The commit time in {@link #timeKey}; throws when the key is not one. */
    Instant time() {
      return CommitItems.parseSortableTime(timeKey.substring(0, timeKey.indexOf('#')));
    }

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((timeKey + "|" + version).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int bar = text.lastIndexOf('|');
        Position position =
            new Position(text.substring(0, bar), Long.parseLong(text.substring(bar + 1)));
        position.time();
        return position;
      } catch (RuntimeException e) {
        throw new InvalidQuery("pageToken", "is not one this API issued");
      }
    }
  }
}
