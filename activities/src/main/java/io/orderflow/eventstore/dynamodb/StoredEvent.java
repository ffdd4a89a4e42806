package io.orderflow.eventstore.dynamodb;

import java.time.Instant;

/**
 * One event as stored: its payload is the JSON the schema validated, kept as written.
 *
 * @param version the event's position in its order's stream
 * @param data the payload as a JSON object text, in the shape of {@code schemaVersion}
 */
public record StoredEvent(
    long version,
    String eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String data) {}
