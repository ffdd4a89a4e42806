package io.orderflow.order;

import java.time.Instant;

/**
 * An event as the store holds it: its position in the order's stream, its own identity and the
 * moment it happened.
 *
 * @param version the 1-based position of this event in its order's stream
 * @param eventId unique id of the event, the deduplication key downstream
 */
public record RecordedEvent(long version, String eventId, Instant occurredAt, OrderEvent event) {}
