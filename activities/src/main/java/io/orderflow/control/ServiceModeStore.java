package io.orderflow.control;

import io.orderflow.eventstore.dynamodb.TableNames;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service mode item of {@code orderflow_control} ({@code key = "service-mode"}). No item means
 * NORMAL: a fresh installation serves.
 */
public final class ServiceModeStore {
  static final String KEY = "service-mode";

  private final DynamoDbClient dynamo;
  private final String table;

  public ServiceModeStore(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.control();
  }

  /** The mode, who set it, why and when. */
  public record Setting(ServiceMode mode, String changedBy, String reason, Instant changedAt) {
    public static Setting initial() {
      return new Setting(ServiceMode.NORMAL, null, null, null);
    }
  }

  public Setting read() {
    var item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("key", AttributeValue.fromS(KEY)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Setting.initial();
    }
    return new Setting(
        ServiceMode.valueOf(item.get("mode").s()),
        text(item, "changedBy"),
        text(item, "reason"),
        item.containsKey("changedAt") ? Instant.parse(item.get("changedAt").s()) : null);
  }

  public void write(Setting setting) {
    Map<String, AttributeValue> item = new java.util.HashMap<>();
    item.put("key", AttributeValue.fromS(KEY));
    item.put("mode", AttributeValue.fromS(setting.mode().name()));
    if (setting.changedBy() != null) {
      item.put("changedBy", AttributeValue.fromS(setting.changedBy()));
    }
    if (setting.reason() != null) {
      item.put("reason", AttributeValue.fromS(setting.reason()));
    }
    if (setting.changedAt() != null) {
      item.put("changedAt", AttributeValue.fromS(setting.changedAt().toString()));
    }
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }
}
