package io.orderflow.projection;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.InvalidQuery;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.Order;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The order-summary projection. An upsert is conditional on the row being absent or older, so a
 * late, repeated or reordered update can never move a row backwards. Reads and writes go to the
 * active generation ({@link ProjectionGenerations}), looked up per call, so a rebuild's swap
 * reaches them without a restart.
 */
public final class OrderSummaryProjection implements ReadModel {
  public static final String NAME = "order-summary";

  /** How stale an instance's view of the active generation may be. */
  static final Duration GENERATION_CACHE = Duration.ofSeconds(2);

  private final DynamoDbClient dynamo;
  private final TableNames tables;
  private final String configured;
  private final ProjectionGenerations generations;

  public OrderSummaryProjection(DynamoDbClient dynamo, TableNames tables) {
    this(dynamo, tables, new ProjectionGenerations(dynamo, tables.control(), GENERATION_CACHE));
  }

  public OrderSummaryProjection(
      DynamoDbClient dynamo, TableNames tables, ProjectionGenerations generations) {
    this.dynamo = dynamo;
    this.tables = tables;
    this.configured = tables.projections();
    this.generations = generations;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String configuredTable() {
    return configured;
  }

  @Override
  public CreateTableRequest tableDefinition(String table) {
    return TableBootstrap.projectionsTable(table);
  }

  @Override
  public Optional<Map<String, AttributeValue>> row(Order order) {
    return Optional.of(summaryRow(order));
  }

  /** Writes the order's row if it is newer than the stored one; returns whether it wrote. */
  @Override
  public boolean upsert(Order order) {
    return Rows.live(generations, this, order);
  }

  @Override
  public boolean upsert(String table, Order order) {
    return Rows.putIfNewer(dynamo, table, summaryRow(order), "orderId");
  }

  /**
   * Overwrites the order's row with the fold, whatever its version: for repairs (replay after a
   * logic bug, recovery) that know the row is wrong at the same version. Returns the row it
   * replaced, if any.
   */
  public Optional<OrderSummary> replace(Order order) {
    String table = activeTable();
    var old =
        dynamo.putItem(
            r ->
                r.tableName(table)
                    .item(summaryRow(order))
                    .returnValues(
                        software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
    return old.hasAttributes() && !old.attributes().isEmpty()
        ? Optional.of(summary(old.attributes()))
        : Optional.empty();
  }

  /** The table reads and live writes use now. */
  public String activeTable() {
    return generations.current(NAME, configured).table();
  }

  DynamoDbClient dynamo() {
    return dynamo;
  }

  TableNames tables() {
    return tables;
  }

  ProjectionGenerations generations() {
    return generations;
  }

  private static Map<String, AttributeValue> summaryRow(Order order) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("orderId", s(order.orderId()));
    item.put("customerId", s(order.customerId()));
    item.put("status", s(order.status().name()));
    item.put("currency", s(order.currency()));
    item.put("total", s(order.total().toPlainString()));
    item.put("lastVersion", AttributeValue.fromN(Long.toString(order.version())));
    item.put("createdAt", s(order.createdAt().toString()));
    item.put("updatedAt", s(order.updatedAt().toString()));
    return item;
  }

  public Optional<OrderSummary> get(String orderId) {
    String table = activeTable();
    var item =
        dynamo
            .getItem(
                r -> r.tableName(table).key(Map.of("orderId", s(orderId))).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(summary(item));
  }

  /**
   * Orders with a status, or of a customer (exactly one of the two), most recently changed first.
   */
  public SummaryPage find(
      Optional<String> status, Optional<String> customerId, int limit, Optional<String> pageToken) {
    if (status.isPresent() == customerId.isPresent()) {
      throw new InvalidQuery("status", "give exactly one of status and customerId");
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidQuery("limit", "must be between 1 and 500");
    }
    QueryRequest.Builder request =
        QueryRequest.builder().tableName(activeTable()).scanIndexForward(false).limit(limit);
    if (status.isPresent()) {
      request
          .indexName("by-status")
          .keyConditionExpression("#s = :k")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":k", s(status.get())));
    } else {
      request
          .indexName("by-customer")
          .keyConditionExpression("customerId = :k")
          .expressionAttributeValues(Map.of(":k", s(customerId.get())));
    }
    pageToken.ifPresent(token -> request.exclusiveStartKey(decode(token)));
    QueryResponse page = dynamo.query(request.build());
    return new SummaryPage(
        page.items().stream().map(OrderSummaryProjection::summary).toList(),
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? Optional.of(encode(page.lastEvaluatedKey()))
            : Optional.empty());
  }

  private static OrderSummary summary(Map<String, AttributeValue> item) {
    return new OrderSummary(
        item.get("orderId").s(),
        item.get("customerId").s(),
        item.get("status").s(),
        item.get("currency").s(),
        new BigDecimal(item.get("total").s()),
        Long.parseLong(item.get("lastVersion").n()),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("updatedAt").s()));
  }

  // The key of a projection row is four short strings; "name=value" lines need no JSON library.
  private static String encode(Map<String, AttributeValue> key) {
    StringBuilder text = new StringBuilder();
    key.forEach((name, value) -> text.append(name).append('=').append(value.s()).append('\n'));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, AttributeValue> decode(String token) {
    try {
      Map<String, AttributeValue> key = new HashMap<>();
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        key.put(line.substring(0, eq), s(line.substring(eq + 1)));
      }
      if (!key.containsKey("orderId")) {
        throw new IllegalArgumentException("no orderId");
      }
      return key;
    } catch (RuntimeException e) {
      throw new InvalidQuery("pageToken", "is not one this API issued");
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
