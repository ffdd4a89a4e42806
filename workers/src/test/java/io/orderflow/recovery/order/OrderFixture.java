package io.orderflow.recovery.order;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderShipped;
import io.orderflow.orderrecovery.DynamoDbOrderRecoveryActivities;
import io.orderflow.orderrecovery.QuarantineStore;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.snapshot.SnapshotStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fresh tables on the test dynalite (-Dorderflow.it.dynamodb) holding real orders, appended through
 * the event store so their hash chains are the real thing, and the recovery activities over them.
 */
final class OrderFixture implements AutoCloseable {
  final DynamoDbClient dynamo =
      AwsEndpoints.local(
              System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
              System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))
          .dynamoDbClient();
  final TableNames tables =
      TableNames.defaults().prefixed("q" + UUID.randomUUID().toString().substring(0, 8) + "_");
  final EventCodec codec = new EventCodec();
  final DynamoDbEventStore events =
      new DynamoDbEventStore(dynamo, tables, codec, Clock.systemUTC(), new SimpleMeterRegistry());
  final SnapshotStore snapshots = new SnapshotStore(dynamo, tables);
  final OrderSummaryProjection projection = new OrderSummaryProjection(dynamo, tables);
  final QuarantineStore quarantine = new QuarantineStore(dynamo, tables.quarantine());
  final DirectoryBackupStore backups;

  OrderFixture(Path backupRoot) {
    new TableBootstrap(dynamo).createMissing(tables);
    this.backups = new DirectoryBackupStore(backupRoot);
  }

  DynamoDbOrderRecoveryActivities activities() {
    return new DynamoDbOrderRecoveryActivities(
        dynamo, tables, backups, quarantine, snapshots, projection, Clock.systemUTC(), 3);
  }

  /**
   * An order in three commits, keyed 1, 2 and 4: created; confirmed and paid together (2..3);
   * shipped.
   */
  String shippedOrder() {
    String orderId = "order-" + UUID.randomUUID();
    OrderCreated created =
        new OrderCreated(
            orderId,
            "customer-7",
            "EUR",
            List.of(new LineItem("BOOK-1", 2, new BigDecimal("12.50"))));
    append(orderId, created);
    append(orderId, new OrderConfirmed(), new OrderPaid("pay-1", new BigDecimal("25.00")));
    append(orderId, new OrderShipped("DHL", "T-1"));
    return orderId;
  }

  /** Appends one commit after the stream's head, as the order workflow would. */
  void append(String orderId, OrderEvent... newEvents) {
    List<StoredCommit> stream = commits(orderId);
    long version = stream.isEmpty() ? 0 : stream.get(stream.size() - 1).lastVersion();
    String prevHash =
        stream.isEmpty() ? NewCommit.GENESIS_HASH : stream.get(stream.size() - 1).hash();
    List<NewEvent> batch = new ArrayList<>();
    for (OrderEvent event : newEvents) {
      batch.add(new NewEvent(UUID.randomUUID().toString(), Instant.now(), event));
    }
    events.append(
        new NewCommit(
            orderId,
            version,
            UUID.randomUUID().toString(),
            prevHash,
            batch,
            new CommitMetadata("corr", "cause", "test", "order-" + orderId)));
  }

  List<StoredCommit> commits(String orderId) {
    return events.readCommits(orderId);
  }

  Order folded(String orderId) {
    return Order.fold(orderId, events.readEvents(orderId).stream().map(codec::decode).toList());
  }

  Map<String, AttributeValue> item(String orderId, long version) {
    return dynamo.getItem(r -> r.tableName(tables.events()).key(key(orderId, version))).item();
  }

  void put(Map<String, AttributeValue> item) {
    dynamo.putItem(r -> r.tableName(tables.events()).item(item));
  }

  void delete(String orderId, long version) {
    dynamo.deleteItem(r -> r.tableName(tables.events()).key(key(orderId, version)));
  }

  /** Rewrites what an event of the commit says, leaving the hash the commit states as it was. */
  Map<String, AttributeValue> alter(String orderId, long version, String from, String to) {
    Map<String, AttributeValue> item = new HashMap<>(item(orderId, version));
    List<AttributeValue> altered = new ArrayList<>(item.get("events").l());
    for (int i = 0; i < altered.size(); i++) {
      Map<String, AttributeValue> event = new HashMap<>(altered.get(i).m());
      String data = event.get("data").s();
      if (data.contains(from)) {
        event.put("data", AttributeValue.fromS(data.replace(from, to)));
        altered.set(i, AttributeValue.fromM(event));
        item.put("events", AttributeValue.fromL(altered));
        put(item);
        return item;
      }
    }
    throw new IllegalArgumentException("no event of " + orderId + "@" + version + " says " + from);
  }

  private static Map<String, AttributeValue> key(String orderId, long version) {
    return Map.of(
        "orderId",
        AttributeValue.fromS(orderId),
        "version",
        AttributeValue.fromN(Long.toString(version)));
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
