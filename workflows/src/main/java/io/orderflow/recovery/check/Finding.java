package io.orderflow.recovery.check;

/**
 * One thing the check found wrong.
 *
 * @param version where in the stream: the commit's or the snapshot's version, the fold's for a
 *     projection row
 */
public record Finding(FindingKind kind, String orderId, long version, String detail) {}
