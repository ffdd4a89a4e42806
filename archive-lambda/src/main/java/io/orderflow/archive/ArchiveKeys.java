package io.orderflow.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The S3 key layout: {@code
 * <prefix><table>/dt=<yyyy-MM-dd>/hour=<HH>/<firstSeq>-<lastSeq>.json.gz}, in UTC. Hive-style
 * partitions let Athena or Glue prune by day and hour; naming the object after the sequence numbers
 * it holds makes a retried batch overwrite its own object rather than add a second copy.
 */
final class ArchiveKeys {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

  private ArchiveKeys() {}

  /** The partition folder for records written at {@code time}, ending in a slash. */
  static String partition(String prefix, String table, Instant time) {
    return prefix + table + "/dt=" + DAY.format(time) + "/hour=" + HOUR.format(time) + "/";
  }

  static String object(String partition, String firstSequenceNumber, String lastSequenceNumber) {
    return partition + firstSequenceNumber + "-" + lastSequenceNumber + ".json.gz";
  }

  /**
   * The table name in a stream ARN such as {@code
   * arn:aws:dynamodb:eu-west-1:123456789012:table/order_events/stream/2026-01-01T00:00:00.000}.
   */
  static String tableOf(String streamArn) {
    if (streamArn == null) {
      return "unknown-table";
    }
    String[] parts = streamArn.split("/");
    return parts.length >= 2 && !parts[1].isEmpty() ? parts[1] : "unknown-table";
  }
}
