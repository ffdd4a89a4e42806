package io.orderflow.orderrecovery;

import io.orderflow.recovery.order.QuarantineReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@code order_quarantine}: live commits a recovery moved aside instead of overwriting. PK {@code
 * orderId}, SK {@code quarantineKey} = 19-digit zero-padded version {@code #} quarantinedAt {@code
 * #} first 12 hex digits of the hash the commit stated. An item is the original commit item
 * verbatim plus {@link #ADDED} ({@code reason}, {@code detail}, {@code operationId}, {@code
 * quarantinedAt}, {@code replacedBy}: the hash of the backup's commit that took its place, or that
 * covers its versions). Nothing ever deletes from it; an operator does.
 */
public final class QuarantineStore {
  static final String KEY = "quarantineKey";

  /** The attributes a quarantine adds to the original item. */
  public static final Set<String> ADDED =
      Set.of(KEY, "reason", "detail", "operationId", "quarantinedAt", "replacedBy");

  private final DynamoDbClient dynamo;
  private final String table;

  public QuarantineStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The sort key of a quarantined commit; sorts by version, then time. */
  public static String key(long version, String quarantinedAt, String statedHash) {
    return String.format("%019d", version)
        + "#"
        + quarantinedAt
        + "#"
        + Commits.shortHash(statedHash);
  }

  /** Copies a live item in; writing the same key twice writes the same item. */
  void put(
      Map<String, AttributeValue> original,
      String key,
      QuarantineReason reason,
      String detail,
      String operationId,
      String quarantinedAt,
      String replacedBy) {
    Map<String, AttributeValue> item = new HashMap<>(original);
    item.put(KEY, s(key));
    item.put("reason", s(reason.name()));
    item.put("detail", s(detail == null ? reason.name() : detail));
    item.put("operationId", s(operationId));
    item.put("quarantinedAt", s(quarantinedAt));
    item.put("replacedBy", s(replacedBy == null ? "none" : replacedBy));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  boolean holds(String orderId, String key) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("orderId", s(orderId), KEY, s(key)))
                        .consistentRead(true))
            .item();
    return item != null && !item.isEmpty();
  }

  /** Everything quarantined of an order, oldest version first. */
  public List<Map<String, AttributeValue>> items(String orderId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (QueryResponse page :
        dynamo.queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("orderId = :id")
                    .expressionAttributeValues(Map.of(":id", s(orderId)))
                    .consistentRead(true))) {
      items.addAll(page.items());
    }
    return items;
  }

  /** A quarantined item as it was in the events table: what an operator would put back. */
  public static Map<String, AttributeValue> original(Map<String, AttributeValue> quarantined) {
    Map<String, AttributeValue> item = new HashMap<>(quarantined);
    item.keySet().removeAll(ADDED);
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
