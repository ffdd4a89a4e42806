package io.orderflow.api.explorer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.eventstore.dynamodb.ExplorerPage;
import io.orderflow.eventstore.dynamodb.ExplorerQuery;
import io.orderflow.eventstore.dynamodb.InvalidQuery;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/events}: with {@code orderId}, that order's stream (optionally by type and time);
 * without, every order's events committed in {@code [from, to)} over the sharded time index.
 * Defaults: the last hour, 100 events a page.
 */
@RestController
class ExplorerController {
  private final EventExplorer explorer;
  private final DynamoDbEventStore store;

  ExplorerController(EventExplorer explorer, DynamoDbEventStore store) {
    this.explorer = explorer;
    this.store = store;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Page(List<Event> events, String nextPageToken) {}

  record Event(
      String orderId,
      long version,
      String eventId,
      String type,
      int schemaVersion,
      Instant occurredAt,
      @JsonRawValue String data) {
    static Event of(String orderId, StoredEvent e) {
      return new Event(
          orderId, e.version(), e.eventId(), e.type(), e.schemaVersion(), e.occurredAt(), e.data());
    }
  }

  @GetMapping("/api/events")
  Page events(
      @RequestParam(required = false) String orderId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) String pageToken) {
    Instant end = to == null ? Instant.now() : instant("to", to);
    Instant start = from == null ? end.minus(Duration.ofHours(1)) : instant("from", from);
    if (orderId != null) {
      return ofOrder(orderId, Optional.ofNullable(type), start, end, limit);
    }
    try {
      ExplorerPage page =
          explorer.query(
              new ExplorerQuery(
                  start, end, Optional.ofNullable(type), limit, Optional.ofNullable(pageToken)));
      return new Page(
          page.events().stream().map(e -> Event.of(e.orderId(), e.event())).toList(),
          page.nextPageToken().orElse(null));
    } catch (InvalidQuery e) {
      throw new InvalidParameter(e.parameter(), e.getMessage());
    }
  }

  private Page ofOrder(String orderId, Optional<String> type, Instant from, Instant to, int limit) {
    if (limit < 1 || limit > ExplorerQuery.MAX_LIMIT) {
      throw new InvalidParameter("limit", "must be between 1 and " + ExplorerQuery.MAX_LIMIT);
    }
    List<Event> events =
        store.readEvents(orderId).stream()
            .filter(e -> type.map(e.type()::equals).orElse(true))
            .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
            .limit(limit)
            .map(e -> Event.of(orderId, e))
            .toList();
    return new Page(events, null);
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(name, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
    }
  }
}
