package io.orderflow.backup;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.testing.LocalAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Fresh tables on the test dynalite filled with commit-shaped items, and the backup activities. */
final class BackupFixture implements AutoCloseable {
  final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  final TableNames tables = LocalAws.freshTables();

  BackupFixture() {
    new TableBootstrap(dynamo).createMissing(tables);
  }

  /** {@code orders} orders with {@code commits} commits each, versions 1..commits. */
  void fillEvents(int orders, int commits) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int o = 0; o < orders; o++) {
      for (int v = 1; v <= commits; v++) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", AttributeValue.fromS(String.format("o-%05d", o)));
        item.put("version", AttributeValue.fromN(Integer.toString(v)));
        item.put("lastVersion", AttributeValue.fromN(Integer.toString(v)));
        item.put("hash", AttributeValue.fromS("h" + o + "-" + v));
        batch.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        if (batch.size() == 25) {
          flush(batch);
        }
      }
    }
    flush(batch);
  }

  private void flush(List<WriteRequest> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, List<WriteRequest>> pending = Map.of(tables.events(), List.copyOf(batch));
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
    }
    batch.clear();
  }

  DynamoDbBackupActivities activities(Path root, SegmentExporter.Settings settings) {
    return activities(new DirectoryBackupStore(root), settings);
  }

  DynamoDbBackupActivities activities(BackupStore store, SegmentExporter.Settings settings) {
    return new DynamoDbBackupActivities(dynamo, tables, store, settings);
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
