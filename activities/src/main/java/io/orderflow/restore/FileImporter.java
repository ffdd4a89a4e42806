package io.orderflow.restore;

import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DynamoDbJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes one backup data file into a table, 25 items per BatchWriteItem (DynamoDB's limit), with
 * the unprocessed remainder retried. A put of an item that is already there changes nothing, so a
 * resumed import may rewrite the batch it was in when it stopped without harm.
 */
final class FileImporter {
  static final int BATCH = 25;
  private static final int MAX_BACKOFF_MS = 2_000;

  private final DynamoDbClient dynamo;
  private final BackupStore store;

  FileImporter(DynamoDbClient dynamo, BackupStore store) {
    this.dynamo = dynamo;
    this.store = store;
  }

  /**
   * Imports the lines after the first {@code skip}; calls {@code progress} with the lines done
   * after every batch.
   *
   * @return the lines in the file
   */
  long importFile(String backupId, String path, String table, long skip, LongConsumer progress) {
    List<WriteRequest> batch = new ArrayList<>(BATCH);
    long[] line = {0};
    store.readLines(
        backupId,
        path,
        text -> {
          line[0]++;
          if (line[0] <= skip) {
            return;
          }
          Map<String, AttributeValue> item = DynamoDbJson.parseLine(text);
          batch.add(
              WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
          if (batch.size() == BATCH) {
            write(table, batch);
            batch.clear();
            progress.accept(line[0]);
          }
        });
    if (!batch.isEmpty()) {
      write(table, batch);
      progress.accept(line[0]);
    }
    return line[0];
  }

  private void write(String table, List<WriteRequest> requests) {
    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(requests));
    int backoff = 50;
    while (true) {
      Map<String, List<WriteRequest>> now = pending;
      BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(now));
      Map<String, List<WriteRequest>> left = response.unprocessedItems();
      if (left == null || left.isEmpty() || left.values().stream().allMatch(List::isEmpty)) {
        return;
      }
      pending = left;
      sleep(backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    }
  }
}
