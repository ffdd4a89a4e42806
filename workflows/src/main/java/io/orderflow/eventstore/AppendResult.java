package io.orderflow.eventstore;

/**
 * Where a commit landed in its stream, and the hash that the next commit must chain to.
 *
 * @param tablesRevision the revision of the active-tables pointer whose events table holds the
 *     commit; the next {@link NewCommit#tablesRevision()}. 0 when the tables were never switched,
 *     and in results recorded before the field existed.
 */
public record AppendResult(
    String orderId, long firstVersion, long lastVersion, String hash, long tablesRevision) {

  /** A result from tables that were never switched. */
  public AppendResult(String orderId, long firstVersion, long lastVersion, String hash) {
    this(orderId, firstVersion, lastVersion, hash, 0);
  }

  /** The same landing, in the tables of {@code revision}. */
  public AppendResult inRevision(long revision) {
    return new AppendResult(orderId, firstVersion, lastVersion, hash, revision);
  }
}
