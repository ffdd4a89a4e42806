package io.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts items into one table 25 at a time (BatchWriteItem's limit), retrying the unprocessed
 * remainder with the same back-off as the restore's importer, so the raw import writes exactly as
 * the restore does. Not thread-safe: one per writing thread.
 */
final class RestoreBatches {
  static final int BATCH = 25;
  private static final int MAX_BACKOFF_MS = 2_000;

  private final DynamoDbClient dynamo;
  private final String table;
  private final List<WriteRequest> batch = new ArrayList<>(BATCH);
  private long written;

  RestoreBatches(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  void put(Map<String, AttributeValue> item) {
    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    if (batch.size() == BATCH) {
      flush();
    }
  }

  /** Writes what is left; returns every item this writer has put. */
  long flush() {
    if (batch.isEmpty()) {
      return written;
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
    int backoff = 50;
    while (true) {
      Map<String, List<WriteRequest>> now = pending;
      Map<String, List<WriteRequest>> left =
          dynamo.batchWriteItem(r -> r.requestItems(now)).unprocessedItems();
      if (left == null || left.values().stream().allMatch(List::isEmpty)) {
        break;
      }
      pending = left;
      sleep(backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
    written += batch.size();
    batch.clear();
    return written;
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing", e);
    }
  }
}
