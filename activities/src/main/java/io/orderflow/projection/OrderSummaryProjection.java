package io.orderflow.projection;

import io.orderflow.eventstore.dynamodb.InvalidQuery;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.Order;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The order-summary projection. An upsert is conditional on the row being absent or older, so a
 * late, repeated or reordered update can never move a row backwards.
 */
public final class OrderSummaryProjection {
  private final DynamoDbClient dynamo;
  private final String table;

  public OrderSummaryProjection(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.projections();
  }

  /** Writes the order's row if it is newer than the stored one; returns whether it wrote. */
  public boolean upsert(Order order) {
    Map<String, AttributeValue> item = row(order);
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(orderId) OR lastVersion < :v")
                  .expressionAttributeValues(
                      Map.of(":v", AttributeValue.fromN(Long.toString(order.version())))));
      return true;
    } catch (ConditionalCheckFailedException newerAlreadyThere) {
      return false;
    }
  }

  /**
   * Overwrites the order's row with the fold, whatever its version: for repairs (replay after a
   * logic bug, recovery) that know the row is wrong at the same version. Returns the row it
   * replaced, if any.
   */
  public Optional<OrderSummary> replace(Order order) {
    var old =
        dynamo.putItem(
            r ->
                r.tableName(table)
                    .item(row(order))
                    .returnValues(
                        software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
    return old.hasAttributes() && !old.attributes().isEmpty()
        ? Optional.of(summary(old.attributes()))
        : Optional.empty();
  }

  private static Map<String, AttributeValue> row(Order order) {
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
        QueryRequest.builder().tableName(table).scanIndexForward(false).limit(limit);
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
