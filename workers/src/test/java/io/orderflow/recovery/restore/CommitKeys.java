package io.orderflow.recovery.restore;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The key of a commit item in an events table. */
final class CommitKeys {
  private CommitKeys() {}

  static Map<String, AttributeValue> of(String orderId, long version) {
    return Map.of(
        "orderId",
        AttributeValue.fromS(orderId),
        "version",
        AttributeValue.fromN(Long.toString(version)));
  }
}
