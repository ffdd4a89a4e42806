package io.orderflow.eventstore;

import java.util.List;

/**
 * The events one command produced, appended atomically as one commit.
 *
 * @param expectedVersion the stream's version the events were decided on; the commit's first event
 *     gets {@code expectedVersion + 1}
 * @param commitId chosen by the caller; a retried append with the same id is a no-op that returns
 *     the first attempt's result
 * @param prevHash the hash of the commit at {@code expectedVersion}; {@link #GENESIS_HASH} for the
 *     first commit of a stream
 * @param tablesRevision the revision of the active-tables pointer that the caller's view of the
 *     stream ({@code expectedVersion}, {@code prevHash}) was last confirmed against, as the
 *     previous {@link AppendResult#tablesRevision()} or {@link LoadedOrder#tablesRevision()} said;
 *     null when unknown (a new run, or a commit built before the field existed). When the tables
 *     have moved since (a full restore switched them) the store checks the stream's head before it
 *     appends.
 */
public record NewCommit(
    String orderId,
    long expectedVersion,
    String commitId,
    String prevHash,
    List<NewEvent> events,
    CommitMetadata metadata,
    Long tablesRevision) {

  /** What the first commit of every stream chains to. */
  public static final String GENESIS_HASH = "0".repeat(64);

  public NewCommit {
    events = List.copyOf(events);
  }

  /** A commit whose caller does not know which tables its view of the stream came from. */
  public NewCommit(
      String orderId,
      long expectedVersion,
      String commitId,
      String prevHash,
      List<NewEvent> events,
      CommitMetadata metadata) {
    this(orderId, expectedVersion, commitId, prevHash, events, metadata, null);
  }

  public long firstVersion() {
    return expectedVersion + 1;
  }

  public long lastVersion() {
    return expectedVersion + events.size();
  }
}
