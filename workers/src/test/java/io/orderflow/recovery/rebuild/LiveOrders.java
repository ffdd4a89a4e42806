package io.orderflow.recovery.rebuild;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.aws.AwsEndpoints;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
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
import io.orderflow.order.OrderRefunded;
import io.orderflow.order.OrderShipped;
import io.orderflow.order.RecordedEvent;
import io.orderflow.projection.DynamoDbProjectionActivities;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.projection.RevenueProjection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Orders on the test dynalite (-Dorderflow.it.dynamodb) as the order workflow leaves them: each
 * command appended through the event store, then the state handed to the live projector, which
 * writes every read model's active generation (and the one a rebuild is filling). Or appended only,
 * as when a projection call has not happened yet.
 */
final class LiveOrders implements AutoCloseable {
  final DynamoDbClient dynamo;
  final TableNames tables =
      TableNames.defaults().prefixed("pr" + UUID.randomUUID().toString().substring(0, 8) + "_");
  final EventCodec codec = new EventCodec();
  final ActiveTablesStore active;
  final DynamoDbEventStore store;
  final ProjectionGenerations generations;
  final OrderSummaryProjection summary;
  final RevenueProjection revenue;
  final ProjectionRegistry registry;
  final DynamoDbProjectionActivities projector;
  final List<String> ids = new ArrayList<>();
  private final Map<String, String> heads = new TreeMap<>();

  LiveOrders() {
    this(
        AwsEndpoints.local(
                System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
                System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))
            .dynamoDbClient());
  }

  LiveOrders(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
    new TableBootstrap(dynamo).createMissing(tables);
    active = new ActiveTablesStore(dynamo, tables, Duration.ZERO);
    store =
        new DynamoDbEventStore(dynamo, active, codec, Clock.systemUTC(), new SimpleMeterRegistry());
    generations = new ProjectionGenerations(dynamo, tables.control(), Duration.ZERO);
    summary = new OrderSummaryProjection(dynamo, tables, generations);
    revenue = new RevenueProjection(dynamo, tables, generations);
    registry = new ProjectionRegistry(List.of(summary, revenue));
    projector = new DynamoDbProjectionActivities(registry, new SimpleMeterRegistry());
  }

  /** {@code count} orders cycling through six lifecycles, projected live. */
  LiveOrders create(int count) {
    for (int i = 0; i < count; i++) {
      order(ids.size() % 6);
    }
    return this;
  }

  /** One order through lifecycle {@code kind} (0 pending … 5 refunded), projected live. */
  String order(int kind) {
    String orderId =
        String.format("order-%04d-%s", ids.size(), UUID.randomUUID().toString().substring(0, 6));
    ids.add(orderId);
    for (OrderEvent event : lifecycle(orderId, kind)) {
      commit(orderId, event, true);
    }
    return orderId;
  }

  /** Appends one event; hands the new state to the live projector when {@code project}. */
  Order commit(String orderId, OrderEvent event, boolean project) {
    long version = store.currentVersion(orderId);
    AppendResult result =
        store.append(
            new NewCommit(
                orderId,
                version,
                UUID.randomUUID().toString(),
                heads.getOrDefault(orderId, NewCommit.GENESIS_HASH),
                List.of(new NewEvent(UUID.randomUUID().toString(), Instant.now(), event)),
                new CommitMetadata("corr", "cause", "test", "order-" + orderId)));
    heads.put(orderId, result.hash());
    Order state = fold(orderId);
    if (project) {
      projector.projectOrder(state);
    }
    return state;
  }

  /** The order folded from its events: what every read model's row must say. */
  Order fold(String orderId) {
    List<RecordedEvent> events = store.readEvents(orderId).stream().map(codec::decode).toList();
    return Order.fold(orderId, events);
  }

  long commits() {
    return ids.stream().mapToLong(id -> store.readCommits(id).size()).sum();
  }

  List<StoredCommit> commitsOf(String orderId) {
    return store.readCommits(orderId);
  }

  /** Every item of a table, keyed by order id. */
  Map<String, Map<String, AttributeValue>> rows(String table) {
    Map<String, Map<String, AttributeValue>> rows = new TreeMap<>();
    dynamo
        .scanPaginator(r -> r.tableName(table).consistentRead(true))
        .items()
        .forEach(item -> rows.put(item.get("orderId").s(), item));
    return rows;
  }

  List<String> tableNames() {
    return dynamo.listTablesPaginator().tableNames().stream().toList();
  }

  static List<OrderEvent> lifecycle(String orderId, int kind) {
    List<LineItem> items =
        List.of(
            new LineItem("sku-1", 2, new BigDecimal("12.50")),
            new LineItem("sku-2", 1, new BigDecimal("5.00")));
    BigDecimal total = new BigDecimal("30.00");
    List<OrderEvent> events = new ArrayList<>();
    events.add(
        new OrderCreated(orderId, "customer-" + (kind % 3), kind == 4 ? "USD" : "EUR", items));
    if (kind == 0) {
      return events;
    }
    if (kind == 1) {
      events.add(new OrderCancelled("changed my mind"));
      return events;
    }
    events.add(new OrderConfirmed());
    events.add(new OrderPaid("pay-" + orderId, total));
    if (kind == 2) {
      return events;
    }
    events.add(new OrderShipped("dhl", "track-" + orderId));
    if (kind == 3) {
      return events;
    }
    events.add(new OrderDelivered());
    if (kind == 5) {
      events.add(new OrderRefunded(new BigDecimal("10.00"), "a mug arrived broken"));
    }
    return events;
  }

  /** Drops every table of this fixture, generations included, so no other test sees them. */
  @Override
  public void close() {
    String prefix = tables.events().substring(0, tables.events().indexOf("order_events"));
    for (String table : tableNames()) {
      if (table.startsWith(prefix)) {
        try {
          dynamo.deleteTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException gone) {
          // dropped by the test itself
        }
      }
    }
    dynamo.close();
  }
}
