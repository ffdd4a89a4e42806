package io.orderflow.recovery.backup;

import io.orderflow.aws.AwsEndpoints;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Fresh tables on the test dynalite (-Dorderflow.it.dynamodb), filled with commit-shaped items. */
final class LocalTables implements AutoCloseable {
  final DynamoDbClient dynamo =
      AwsEndpoints.local(
              System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
              System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))
          .dynamoDbClient();
  final TableNames tables =
      TableNames.defaults().prefixed("w" + UUID.randomUUID().toString().substring(0, 8) + "_");

  LocalTables() {
    new TableBootstrap(dynamo).createMissing(tables);
  }

  /** {@code orders} orders with {@code commits} commits each, in events and one snapshot each. */
  LocalTables fill(int orders, int commits) {
    List<WriteRequest> events = new ArrayList<>();
    List<WriteRequest> snapshots = new ArrayList<>();
    for (int o = 0; o < orders; o++) {
      String orderId = String.format("o-%05d", o);
      for (int v = 1; v <= commits; v++) {
        events.add(put(orderId, v, Map.of("lastVersion", AttributeValue.fromN("" + v))));
      }
      snapshots.add(put(orderId, commits, Map.of("state", AttributeValue.fromS("{}"))));
    }
    write(tables.events(), events);
    write(tables.snapshots(), snapshots);
    return this;
  }

  private static WriteRequest put(String orderId, int version, Map<String, AttributeValue> more) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(more);
    item.put("orderId", AttributeValue.fromS(orderId));
    item.put("version", AttributeValue.fromN(Integer.toString(version)));
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private void write(String table, List<WriteRequest> all) {
    for (int from = 0; from < all.size(); from += 25) {
      Map<String, List<WriteRequest>> pending =
          Map.of(table, all.subList(from, Math.min(all.size(), from + 25)));
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
      }
    }
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
