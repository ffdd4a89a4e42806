package io.orderflow.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Whole rows into a generation, 25 per BatchWriteItem (DynamoDB's limit), the unprocessed remainder
 * retried with backoff. Unconditional: only the scan writes this way, into a generation that only
 * the scan and (conditionally, never backwards) live writes and the later catch-up touch.
 */
final class RowBatches {
  static final int BATCH = 25;
  private static final int MAX_BACKOFF_MS = 2_000;

  private final DynamoDbClient dynamo;
  private final String table;
  private final List<WriteRequest> pending = new ArrayList<>(BATCH);

  RowBatches(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  void add(Map<String, AttributeValue> row) {
    pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(row).build()).build());
    if (pending.size() == BATCH) {
      flush();
    }
  }

  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, List<WriteRequest>> left = Map.of(table, List.copyOf(pending));
    pending.clear();
    int backoff = 50;
    while (true) {
      Map<String, List<WriteRequest>> now = left;
      BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(now));
      left = response.unprocessedItems();
      if (left == null || left.isEmpty() || left.values().stream().allMatch(List::isEmpty)) {
        return;
      }
      sleep(backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing rows", e);
    }
  }
}
