package io.orderflow.api.order;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.time.Instant;
import java.util.List;

/** An order's stream as stored: each event with its payload in the shape of its schema version. */
record EventsView(String orderId, List<Event> events) {

  record Event(
      long version,
      String eventId,
      String type,
      int schemaVersion,
      Instant occurredAt,
      @JsonRawValue String data) {}

  static EventsView of(String orderId, List<StoredEvent> events) {
    return new EventsView(
        orderId,
        events.stream()
            .map(
                e ->
                    new Event(
                        e.version(),
                        e.eventId(),
                        e.type(),
                        e.schemaVersion(),
                        e.occurredAt(),
                        e.data()))
            .toList());
  }
}
