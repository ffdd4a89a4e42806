package io.orderflow.order;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stable names and current schema versions of the order events. A stored event keeps the name
 * and schema version it was written with; renaming a Java class never changes either.
 */
public enum EventType {
  ORDER_CREATED(OrderCreated.TYPE, 2, OrderCreated.class),
  ORDER_CONFIRMED(OrderConfirmed.TYPE, 1, OrderConfirmed.class),
  ORDER_PAID(OrderPaid.TYPE, 1, OrderPaid.class),
  ORDER_SHIPPED(OrderShipped.TYPE, 1, OrderShipped.class),
  ORDER_DELIVERED(OrderDelivered.TYPE, 1, OrderDelivered.class),
  ORDER_CANCELLED(OrderCancelled.TYPE, 1, OrderCancelled.class),
  ORDER_REFUNDED(OrderRefunded.TYPE, 1, OrderRefunded.class),
  ORDER_CORRECTED(OrderCorrected.TYPE, 1, OrderCorrected.class);

  private final String wireName;
  private final int schemaVersion;
  private final Class<? extends OrderEvent> javaType;

  EventType(String wireName, int schemaVersion, Class<? extends OrderEvent> javaType) {
    this.wireName = wireName;
    this.schemaVersion = schemaVersion;
    this.javaType = javaType;
  }

  public String wireName() {
    return wireName;
  }

  /** The version of this type's JSON Schema that new events are written with. */
  public int schemaVersion() {
    return schemaVersion;
  }

  public Class<? extends OrderEvent> javaType() {
    return javaType;
  }

  public static EventType of(OrderEvent event) {
    return Arrays.stream(values())
        .filter(t -> t.javaType == event.getClass())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass()));
  }

  public static Optional<EventType> byWireName(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
