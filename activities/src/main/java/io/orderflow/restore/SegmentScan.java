package io.orderflow.restore;

import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads an events table one parallel-scan segment at a time and hands over each order's commits
 * together, oldest first. DynamoDB keeps a partition key's items together and returns them in
 * sort-key order, so one order's commits arrive in one run; only the current order is held in
 * memory. (Were that ever not so, the order count would exceed the manifest's and the restore would
 * report the mismatch.)
 */
public final class SegmentScan {
  private final DynamoDbClient dynamo;

  public SegmentScan(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** A commit's key: where a resumed scan continues after. */
  public record Position(String orderId, long version) {}

  /**
   * Calls {@code each} with every order of the segment and its commits; {@code page} after every
   * page read (to heartbeat).
   */
  void orders(
      String table,
      int segment,
      int totalSegments,
      BiConsumer<String, List<StoredCommit>> each,
      Runnable page) {
    orders(table, segment, totalSegments, null, each, after -> page.run());
  }

  /**
   * Calls {@code each} with every order of the segment that comes after {@code after} (null: from
   * the start) and its commits. After every page read, {@code page} gets the position to resume
   * from: the last commit of the last order handed over (null before the first), so a scan resumed
   * there neither repeats an order nor splits one.
   */
  public void orders(
      String table,
      int segment,
      int totalSegments,
      Position after,
      BiConsumer<String, List<StoredCommit>> each,
      Consumer<Position> page) {
    String current = null;
    List<StoredCommit> commits = new ArrayList<>();
    Position handed = after;
    Map<String, AttributeValue> start =
        after == null
            ? null
            : Map.of(
                "orderId",
                AttributeValue.fromS(after.orderId()),
                "version",
                AttributeValue.fromN(Long.toString(after.version())));
    do {
      ScanRequest.Builder request =
          ScanRequest.builder()
              .tableName(table)
              .segment(segment)
              .totalSegments(totalSegments)
              .consistentRead(true);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse response = dynamo.scan(request.build());
      for (Map<String, AttributeValue> item : response.items()) {
        StoredCommit commit = CommitItems.fromItem(item);
        if (!commit.orderId().equals(current)) {
          if (current != null) {
            each.accept(current, commits);
            StoredCommit last = commits.get(commits.size() - 1);
            handed = new Position(current, last.version());
          }
          current = commit.orderId();
          commits = new ArrayList<>();
        }
        commits.add(commit);
      }
      page.accept(handed);
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    if (current != null) {
      each.accept(current, commits);
    }
  }

  /** Items in one segment of a table, counted by DynamoDB. */
  long count(String table, int segment, int totalSegments, Runnable page) {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request =
          ScanRequest.builder()
              .tableName(table)
              .segment(segment)
              .totalSegments(totalSegments)
              .select(Select.COUNT);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse response = dynamo.scan(request.build());
      count += response.count();
      page.run();
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return count;
  }

  /** One order's commits in a table, oldest first. */
  List<StoredCommit> stream(String table, String orderId) {
    List<StoredCommit> commits = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder request =
          QueryRequest.builder()
              .tableName(table)
              .keyConditionExpression("orderId = :id")
              .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
              .consistentRead(true);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      var response = dynamo.query(request.build());
      response.items().forEach(item -> commits.add(CommitItems.fromItem(item)));
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return commits;
  }
}
