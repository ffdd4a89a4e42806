package io.orderflow.recovery.restore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderDelivered;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderShipped;
import io.orderflow.order.RecordedEvent;
import io.orderflow.snapshot.OrderSnapshot;
import io.orderflow.snapshot.SnapshotStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Real orders on the test dynalite (-Dorderflow.it.dynamodb): appended through the event store, so
 * their hash chains are the real thing, in several states, with snapshots of some of them.
 */
public final class RealOrders implements AutoCloseable {
  public final DynamoDbClient dynamo =
      AwsEndpoints.local(
              System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
              System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))
          .dynamoDbClient();
  public final TableNames tables =
      TableNames.defaults().prefixed("r" + UUID.randomUUID().toString().substring(0, 8) + "_");
  public final EventCodec codec = new EventCodec();
  public final ActiveTablesStore active = new ActiveTablesStore(dynamo, tables, Duration.ZERO);
  public final ServiceModeStore modes = new ServiceModeStore(dynamo, tables);
  public final DynamoDbEventStore store =
      new DynamoDbEventStore(dynamo, active, codec, Clock.systemUTC(), new SimpleMeterRegistry());
  public final SnapshotStore snapshots = new SnapshotStore(dynamo, active);
  public final List<String> ids = new ArrayList<>();

  public RealOrders() {
    new TableBootstrap(dynamo).createMissing(tables);
  }

  /** {@code count} orders cycling through five lifecycles; every third one has a snapshot. */
  public RealOrders create(int count) {
    for (int i = 0; i < count; i++) {
      String orderId =
          String.format("order-%05d-%s", i, UUID.randomUUID().toString().substring(0, 6));
      List<OrderEvent> events = lifecycle(orderId, i % 5);
      String hash = NewCommit.GENESIS_HASH;
      long version = 0;
      for (OrderEvent event : events) {
        AppendResult result =
            store.append(
                new NewCommit(
                    orderId,
                    version,
                    UUID.randomUUID().toString(),
                    hash,
                    List.of(new NewEvent(UUID.randomUUID().toString(), Instant.now(), event)),
                    new CommitMetadata("corr", "cause", "test", "order-" + orderId)));
        hash = result.hash();
        version = result.lastVersion();
      }
      if (i % 3 == 0) {
        snapshots.save(
            new OrderSnapshot(
                fold(tables.events(), orderId), Order.STATE_SCHEMA_VERSION, Instant.now()));
      }
      ids.add(orderId);
    }
    return this;
  }

  private static List<OrderEvent> lifecycle(String orderId, int kind) {
    OrderCreated created =
        new OrderCreated(
            orderId,
            "customer-" + (kind + 1),
            "EUR",
            List.of(
                new LineItem("sku-1", 2, new BigDecimal("12.50")),
                new LineItem("sku-2", 1, new BigDecimal("5.00"))));
    BigDecimal total = new BigDecimal("30.00");
    List<OrderEvent> events = new ArrayList<>(List.of(created));
    if (kind == 0) {
      return events; // PENDING
    }
    if (kind == 1) {
      events.add(new OrderCancelled("changed my mind"));
      return events;
    }
    events.add(new OrderConfirmed());
    events.add(new OrderPaid("pay-" + orderId, total));
    if (kind == 2) {
      return events; // PAID
    }
    events.add(new OrderShipped("dhl", "track-" + orderId));
    if (kind == 3) {
      return events; // SHIPPED
    }
    events.add(new OrderDelivered());
    return events;
  }

  /** The order folded from the commits in an events table. */
  public Order fold(String eventsTable, String orderId) {
    DynamoDbEventStore reader =
        new DynamoDbEventStore(
            dynamo,
            ActiveTables.of(eventsTable, tables.snapshots()),
            codec,
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    List<RecordedEvent> events = reader.readEvents(orderId).stream().map(codec::decode).toList();
    return Order.fold(orderId, events);
  }

  /** Every order's state and hash chain head, as read from an events table. */
  public Map<String, String> fingerprint(String eventsTable) {
    DynamoDbEventStore reader =
        new DynamoDbEventStore(
            dynamo,
            ActiveTables.of(eventsTable, tables.snapshots()),
            codec,
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    Map<String, String> prints = new LinkedHashMap<>();
    for (String id : ids) {
      List<StoredCommit> commits = reader.readCommits(id);
      String head = commits.isEmpty() ? "none" : commits.get(commits.size() - 1).hash();
      prints.put(id, fold(eventsTable, id) + "#" + commits.size() + "#" + head);
    }
    return prints;
  }

  public List<String> tableNames() {
    return dynamo.listTablesPaginator().tableNames().stream().toList();
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
