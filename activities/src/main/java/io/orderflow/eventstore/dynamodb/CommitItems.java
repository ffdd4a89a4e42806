package io.orderflow.eventstore.dynamodb;

import io.orderflow.eventstore.CommitMetadata;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item layout of {@code order_events} (docs/data-model.md), both ways. */
public final class CommitItems {
  /** Writes of one hour spread over this many partitions of the time and unpublished indexes. */
  static final int WRITE_SHARDS = 8;

  static final String ORDER_ID = "orderId";
  static final String VERSION = "version";
  static final String UNPUBLISHED = "unpublished";
  static final String TIME_BUCKET = "timeBucket";
  static final String TIME_KEY = "timeKey";
  static final String EVENT_TYPES = "eventTypes";

  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
  private static final String[] SHARD_NAMES = new String[WRITE_SHARDS];

  static {
    for (int i = 0; i < WRITE_SHARDS; i++) {
      SHARD_NAMES[i] = (i < 10 ? "0" : "") + i;
    }
  }

  private CommitItems() {}

  public static Map<String, AttributeValue> toItem(StoredCommit c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ORDER_ID, s(c.orderId()));
    item.put(VERSION, n(c.version()));
    item.put("lastVersion", n(c.lastVersion()));
    item.put("commitId", s(c.commitId()));
    List<AttributeValue> events = new ArrayList<>(c.events().size());
    List<String> types = new ArrayList<>(1);
    for (StoredEvent e : c.events()) {
      events.add(event(e));
      if (!types.contains(e.type())) {
        types.add(e.type());
      }
    }
    item.put("events", AttributeValue.fromL(events));
    // Lets the explorer filter by type on the server; derived, so not covered by the hash.
    item.put(EVENT_TYPES, AttributeValue.fromSs(types));
    putIfPresent(item, "correlationId", c.metadata().correlationId());
    putIfPresent(item, "causationId", c.metadata().causationId());
    putIfPresent(item, "actor", c.metadata().actor());
    putIfPresent(item, "workflowId", c.metadata().workflowId());
    item.put("committedAt", s(c.committedAt().toString()));
    item.put("prevHash", s(c.prevHash()));
    item.put("hash", s(c.hash()));
    String shard = shard(c.orderId());
    item.put(TIME_BUCKET, s(hourBucket(c.committedAt(), shard)));
    item.put(TIME_KEY, s(timeKey(c.committedAt(), c.orderId(), c.version())));
    if (c.unpublished()) {
      item.put(UNPUBLISHED, s(shard));
    }
    return item;
  }

  public static StoredCommit fromItem(Map<String, AttributeValue> item) {
    long version = Long.parseLong(item.get(VERSION).n());
    List<StoredEvent> events = new ArrayList<>();
    List<AttributeValue> stored = item.get("events").l();
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
    return new StoredCommit(
        item.get(ORDER_ID).s(),
        version,
        Long.parseLong(item.get("lastVersion").n()),
        item.get("commitId").s(),
        events,
        new CommitMetadata(
            text(item, "correlationId"),
            text(item, "causationId"),
            text(item, "actor"),
            text(item, "workflowId")),
        Instant.parse(item.get("committedAt").s()),
        item.get("prevHash").s(),
        item.get("hash").s(),
        item.containsKey(UNPUBLISHED));
  }

  static String shard(String orderId) {
    return SHARD_NAMES[Math.floorMod(orderId.hashCode(), WRITE_SHARDS)];
  }

  static String timeKey(Instant committedAt, String orderId, long version) {
    StringBuilder key = new StringBuilder(32 + orderId.length() + 20);
    appendSortableTime(key, committedAt).append('#').append(orderId).append('#');
    if (version < 0) {
      return key.append(String.format("%019d", version)).toString();
    }
    return pad(key, version, 19).toString();
  }

  /**
   * An instant as fixed-width text, so that text order is time order ({@link Instant#toString()}
   * drops trailing zero fractions, and "10:15:31Z" would sort after "10:15:31.5Z").
   */
  public static String sortableTime(Instant instant) {
    return appendSortableTime(new StringBuilder(30), instant).toString();
  }

  // Every append writes two of these keys, and String.format and the pattern formatters stood out
  // in the append profile (docs/performance.md, "After the one-round-trip read and the append
  // profile"). Years 1..9999 are written by hand, the same text the patterns give; other years,
  // which no commit has, keep the formatter.
  private static StringBuilder appendSortableTime(StringBuilder out, Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return out.append(SORTABLE.format(instant));
    }
    appendHour(out, t).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2).append('.');
    return pad(out, instant.getNano(), 9).append('Z');
  }

  private static String hourBucket(Instant committedAt, String shard) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(committedAt.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return HOUR.format(committedAt) + "#" + shard;
    }
    return appendHour(new StringBuilder(16), t).append('#').append(shard).toString();
  }

  private static StringBuilder appendHour(StringBuilder out, LocalDateTime t) {
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    return pad(out, t.getHour(), 2);
  }

  /** {@code value} (not negative) in decimal, left-padded with zeros to {@code width} digits. */
  private static StringBuilder pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  static Instant parseSortableTime(String text) {
    return Instant.from(SORTABLE.parse(text));
  }

  private static AttributeValue event(StoredEvent e) {
    return AttributeValue.fromM(
        Map.of(
            "eventId", s(e.eventId()),
            "type", s(e.type()),
            "schemaVersion", n(e.schemaVersion()),
            "occurredAt", s(e.occurredAt().toString()),
            "data", s(e.data())));
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, s(value));
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
