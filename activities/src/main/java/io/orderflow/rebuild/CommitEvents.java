package io.orderflow.rebuild;

import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a fold needs of one commit item of the events table: its order, first version and events.
 * Reads ask DynamoDB for these three attributes only ({@link #PROJECTION}): the hashes, metadata
 * and index keys a commit also holds are more than half of its bytes, and a rebuild reads every
 * commit there is.
 */
record CommitEvents(String orderId, long version, List<StoredEvent> events) {
  static final String PROJECTION = "#o, #v, #e";
  static final Map<String, String> NAMES = Map.of("#o", "orderId", "#v", "version", "#e", "events");

  /** The item layout of docs/data-model.md (as {@code CommitItems} writes it), these parts only. */
  static CommitEvents of(Map<String, AttributeValue> item) {
    long version = Long.parseLong(item.get("version").n());
    List<AttributeValue> stored = item.get("events").l();
    List<StoredEvent> events = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      Map<String, AttributeValue> e = stored.get(i).m();
      events.add(
          new StoredEvent(
              version + i,
              e.get("eventId").s(),
              e.get("type").s(),
              Integer.parseInt(e.get("schemaVersion").n()),
              Instant.parse(e.get("occurredAt").s()),
              e.get("data").s()));
    }
    return new CommitEvents(item.get("orderId").s(), version, List.copyOf(events));
  }
}
