package io.orderflow.projection;

import io.orderflow.control.ProjectionGenerations;
import io.orderflow.order.Order;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The writes every read model shares: monotonic by version, live into the generations. */
final class Rows {
  private Rows() {}

  /** Puts the row unless the stored one is as new or newer; returns whether it wrote. */
  static boolean putIfNewer(
      DynamoDbClient dynamo, String table, Map<String, AttributeValue> row, String hashKey) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(row)
                  .conditionExpression("attribute_not_exists(#k) OR lastVersion < :v")
                  .expressionAttributeNames(Map.of("#k", hashKey))
                  .expressionAttributeValues(Map.of(":v", row.get("lastVersion"))));
      return true;
    } catch (ConditionalCheckFailedException newerAlreadyThere) {
      return false;
    }
  }

  /**
   * The live write: the active generation, then the one being built. A generation being built that
   * is gone was withdrawn (a cancelled rebuild drops it), so there is nothing to keep up.
   */
  static boolean live(ProjectionGenerations generations, ReadModel model, Order order) {
    ProjectionGenerations.Generation generation =
        generations.current(model.name(), model.configuredTable());
    boolean wrote = model.upsert(generation.table(), order);
    String building = generation.building();
    if (building != null && !building.equals(generation.table())) {
      try {
        model.upsert(building, order);
      } catch (ResourceNotFoundException withdrawn) {
        // the rebuild was cancelled and its table dropped since this instance last looked
      }
    }
    return wrote;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
