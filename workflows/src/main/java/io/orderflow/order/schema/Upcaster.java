package io.orderflow.order.schema;

import java.util.Map;

/**
 * Lifts a stored payload of one event type from schema version {@link #fromVersion()} to the next.
 * Works on the payload as plain maps and lists, so it needs no JSON library and cannot depend on
 * today's Java classes, which may have moved on.
 */
public interface Upcaster {
  String type();

  int fromVersion();

  /** Returns the payload in the shape of {@code fromVersion() + 1}; must not change its input. */
  Map<String, Object> upcast(Map<String, Object> payload);
}
