package io.orderflow.order.schema;

import io.orderflow.order.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema registry: every version of every event type, and the upcaster chain between them.
 * Versions below an event type's current one are deprecated: never written, always readable.
 */
public final class EventSchemas {
  private static final List<Upcaster> UPCASTERS = List.of(new OrderCreatedV1ToV2());

  private EventSchemas() {}

  /** Every known schema version, by type then version. */
  public static List<SchemaVersion> all() {
    List<SchemaVersion> all = new ArrayList<>();
    for (EventType type : EventType.values()) {
      for (int v = 1; v <= type.schemaVersion(); v++) {
        all.add(SchemaVersion.of(type.wireName(), v, v < type.schemaVersion()));
      }
    }
    all.sort(Comparator.comparing(SchemaVersion::type).thenComparing(SchemaVersion::version));
    return all;
  }

  public static Optional<SchemaVersion> find(String type, int version) {
    return all().stream().filter(s -> s.type().equals(type) && s.version() == version).findFirst();
  }

  /** The version new events of this type are written with. */
  public static SchemaVersion current(EventType type) {
    return SchemaVersion.of(type.wireName(), type.schemaVersion(), false);
  }

  /**
   * Lifts a payload from {@code version} to its type's current version, one upcaster at a time.
   *
   * @throws IllegalArgumentException when a link of the chain is missing, or the version is newer
   *     than this code knows
   */
  public static Map<String, Object> upcast(
      EventType type, int version, Map<String, Object> payload) {
    if (version > type.schemaVersion()) {
      throw new IllegalArgumentException(
          type.wireName()
              + " v"
              + version
              + " is newer than this code (v"
              + type.schemaVersion()
              + ")");
    }
    Map<String, Object> current = payload;
    for (int v = version; v < type.schemaVersion(); v++) {
      current = upcaster(type.wireName(), v).upcast(current);
    }
    return current;
  }

  static Upcaster upcaster(String type, int fromVersion) {
    return UPCASTERS.stream()
        .filter(u -> u.type().equals(type) && u.fromVersion() == fromVersion)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no upcaster for " + type + " v" + fromVersion));
  }
}
