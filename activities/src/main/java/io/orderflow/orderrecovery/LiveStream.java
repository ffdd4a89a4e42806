package io.orderflow.orderrecovery;

import io.orderflow.eventstore.dynamodb.ActiveTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An order's items in the active events table, raw: a recovery has to see (and quarantine) items
 * the event store could not even read. Every write is conditional on what the caller saw, so a
 * concurrent change is detected, never overwritten. The table is asked for per call: a full restore
 * may switch it.
 */
final class LiveStream {
  private static final Map<String, String> HASH = Map.of("#h", "hash");

  private final DynamoDbClient dynamo;
  private final ActiveTables tables;

  LiveStream(DynamoDbClient dynamo, ActiveTables tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  /** Every item of the order, oldest first, read consistently. */
  List<Map<String, AttributeValue>> items(String orderId) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tables.events())
            .keyConditionExpression("orderId = :id")
            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId)))
            .consistentRead(true)
            .build();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (QueryResponse page : dynamo.queryPaginator(request)) {
      items.addAll(page.items());
    }
    return items;
  }

  Optional<Map<String, AttributeValue>> item(String orderId, long version) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r -> r.tableName(tables.events()).key(key(orderId, version)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** Puts the item where no commit is; false when one is there. */
  boolean putIfAbsent(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(tables.events())
                  .item(item)
                  .conditionExpression("attribute_not_exists(orderId)"));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  /**
   * Puts the item in place of the one stating {@code expectedHash} (null: stating none); false when
   * the key holds anything else by now, or nothing.
   */
  boolean replace(Map<String, AttributeValue> item, String expectedHash) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(tables.events())
                  .item(item)
                  .conditionExpression("attribute_exists(orderId) AND " + hashIs(expectedHash))
                  .expressionAttributeNames(HASH)
                  .expressionAttributeValues(hashValue(expectedHash)));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  /** Deletes the item stating {@code expectedHash}; false when the key holds anything else. */
  boolean delete(String orderId, long version, String expectedHash) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(tables.events())
                  .key(key(orderId, version))
                  .conditionExpression("attribute_exists(orderId) AND " + hashIs(expectedHash))
                  .expressionAttributeNames(HASH)
                  .expressionAttributeValues(hashValue(expectedHash)));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  private static String hashIs(String expectedHash) {
    return expectedHash == null ? "attribute_not_exists(#h)" : "#h = :h";
  }

  private static Map<String, AttributeValue> hashValue(String expectedHash) {
    Map<String, AttributeValue> values = new HashMap<>();
    if (expectedHash != null) {
      values.put(":h", AttributeValue.fromS(expectedHash));
    }
    return values.isEmpty() ? null : values;
  }

  private static Map<String, AttributeValue> key(String orderId, long version) {
    return Map.of(
        "orderId",
        AttributeValue.fromS(orderId),
        "version",
        AttributeValue.fromN(Long.toString(version)));
  }
}
