package io.orderflow.eventstore;

import io.orderflow.order.OrderEvent;
import java.time.Instant;

/** An event about to be appended, with the identity and time the workflow gave it. */
public record NewEvent(String eventId, Instant occurredAt, OrderEvent event) {}
