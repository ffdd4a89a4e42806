package io.orderflow.recovery.order;

/**
 * A live commit moved to the quarantine table, or (in a dry run) that would be.
 *
 * @param quarantineKey its sort key in the quarantine table; null in a dry run
 */
public record QuarantinedCommit(long version, QuarantineReason reason, String quarantineKey) {}
