package io.orderflow.recovery.restore;

/**
 * Something the restored data got wrong.
 *
 * @param kind e.g. {@code GAP}, {@code BROKEN_CHAIN}, {@code HASH_MISMATCH}, {@code RULE:<rule>},
 *     {@code SNAPSHOT_MISMATCH}, {@code COUNT_MISMATCH}
 * @param orderId the order, null for a table-wide finding
 * @param version where in the stream, 0 when it does not apply
 */
public record Anomaly(String kind, String orderId, long version, String detail) {}
