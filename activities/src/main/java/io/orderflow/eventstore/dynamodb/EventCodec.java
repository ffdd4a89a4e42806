package io.orderflow.eventstore.dynamodb;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.EventType;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.RecordedEvent;
import io.orderflow.order.schema.EventSchemas;
import java.util.Map;

/**
 * Turns domain events into stored payloads and back. The payload holds the event's fields only: its
 * type and schema version live beside it in the commit, so the Java class name never reaches the
 * store.
 */
public final class EventCodec {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  private interface NoTypeId {}

  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addMixIn(OrderEvent.class, NoTypeId.class)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public String encode(OrderEvent event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + event.getClass().getSimpleName(), e);
    }
  }

  /** The event as the store writes it at {@code version}: its wire type, schema and payload. */
  public StoredEvent toStored(long version, NewEvent event) {
    EventType type = EventType.of(event.event());
    return new StoredEvent(
        version,
        event.eventId(),
        type.wireName(),
        type.schemaVersion(),
        event.occurredAt(),
        encode(event.event()));
  }

  /**
   * Decodes a stored event, lifting its payload through the upcaster chain when it was written with
   * an older schema version.
   *
   * @throws UnreadableEvent when the type is unknown or the payload does not fit the type
   */
  public RecordedEvent decode(StoredEvent stored) {
    EventType type =
        EventType.byWireName(stored.type())
            .orElseThrow(
                () -> new UnreadableEvent(stored, "unknown event type '" + stored.type() + "'"));
    try {
      if (stored.schemaVersion() == type.schemaVersion()) {
        // Current events, the common case, skip the detour through a map.
        OrderEvent event = mapper.readValue(stored.data(), type.javaType());
        return new RecordedEvent(stored.version(), stored.eventId(), stored.occurredAt(), event);
      }
      Map<String, Object> payload = mapper.readValue(stored.data(), PAYLOAD);
      Map<String, Object> current = EventSchemas.upcast(type, stored.schemaVersion(), payload);
      OrderEvent event = mapper.convertValue(current, type.javaType());
      return new RecordedEvent(stored.version(), stored.eventId(), stored.occurredAt(), event);
    } catch (JsonProcessingException e) {
      throw new UnreadableEvent(stored, e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new UnreadableEvent(stored, e.getMessage());
    }
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}
