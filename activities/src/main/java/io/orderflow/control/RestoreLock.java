package io.orderflow.control;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code restore-lock} item of {@code orderflow_control}: at most one full restore at a time.
 * Taken with a conditional put before the workflow starts; released by the workflow when it ends. A
 * lock whose operation has finished without releasing it (a terminated workflow) is taken over.
 */
public final class RestoreLock {
  static final String KEY = "restore-lock";

  private final DynamoDbClient dynamo;
  private final String table;

  public RestoreLock(DynamoDbClient dynamo, String controlTable) {
    this.dynamo = dynamo;
    this.table = controlTable;
  }

  /**
   * Takes the lock for {@code operationId}.
   *
   * @param finished whether an operation id names an operation that has ended
   * @return empty when taken; otherwise the operation that holds it
   */
  public Optional<String> acquire(String operationId, Instant at, Predicate<String> finished) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<String> holder = holder();
      if (holder.isPresent() && holder.get().equals(operationId)) {
        return Optional.empty();
      }
      if (holder.isPresent() && !finished.test(holder.get())) {
        return holder;
      }
      try {
        var put =
            software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder()
                .tableName(table)
                .item(
                    Map.of(
                        "key", AttributeValue.fromS(KEY),
                        "operationId", AttributeValue.fromS(operationId),
                        "takenAt", AttributeValue.fromS(at.toString())));
        if (holder.isEmpty()) {
          put.conditionExpression("attribute_not_exists(#k)")
              .expressionAttributeNames(Map.of("#k", "key"));
        } else {
          put.conditionExpression("operationId = :stale")
              .expressionAttributeValues(Map.of(":stale", AttributeValue.fromS(holder.get())));
        }
        dynamo.putItem(put.build());
        return Optional.empty();
      } catch (ConditionalCheckFailedException raced) {
        // someone else took or released it between the read and the put: look again
      }
    }
    return holder().filter(h -> !h.equals(operationId));
  }

  /** Releases the lock if {@code operationId} holds it. */
  public void release(String operationId) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(Map.of("key", AttributeValue.fromS(KEY)))
                  .conditionExpression("operationId = :op")
                  .expressionAttributeValues(Map.of(":op", AttributeValue.fromS(operationId))));
    } catch (ConditionalCheckFailedException notOurs) {
      // released already, or held by another operation: leave it
    }
  }

  /** The operation holding the lock, if any. */
  public Optional<String> holder() {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("key", AttributeValue.fromS(KEY)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(item.get("operationId").s());
  }
}
