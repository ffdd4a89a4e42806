package io.orderflow.api.order;

import io.orderflow.order.CreateOrder;
import io.orderflow.order.LineItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Idempotent creation: the order id derives from the client's {@code Idempotency-Key}, so a retry
 * reaches the same workflow; the request id carries a fingerprint of the body, so the workflow
 * tells a retry (same body: same answer) from a reuse of the key (different body: 409).
 */
final class IdempotencyKeys {
  static final int MAX_KEY_LENGTH = 255;

  private IdempotencyKeys() {}

  static String orderId(String key) {
    return UUID.nameUUIDFromBytes(("orderflow:create:" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static String requestId(String key, CreateOrder command) {
    return "create:" + orderId(key) + ":" + fingerprint(command);
  }

  /** The same order, however its amounts are written ("12.5" or "12.50"), has one fingerprint. */
  static String fingerprint(CreateOrder command) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(command.customerId()).append('|').append(command.currency());
    if (command.items() != null) {
      for (LineItem item : command.items()) {
        canonical.append('|');
        if (item != null) {
          canonical
              .append(item.sku())
              .append(':')
              .append(item.quantity())
              .append(':')
              .append(
                  item.unitPrice() == null
                      ? "null"
                      : item.unitPrice().stripTrailingZeros().toPlainString());
        }
      }
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
