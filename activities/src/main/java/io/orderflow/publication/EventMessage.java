package io.orderflow.publication;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * The body of each message on the {@code order-events} topic. {@code data} is the stored payload,
 * as written, in the shape of its schema version.
 */
public record EventMessage(
    String orderId,
    long version,
    String eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String correlationId,
    @JsonRawValue String data) {}
