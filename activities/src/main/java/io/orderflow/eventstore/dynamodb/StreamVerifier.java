package io.orderflow.eventstore.dynamodb;

import io.orderflow.eventstore.NewCommit;
import java.util.List;
import java.util.Optional;

/**
 * Walks a stream, oldest commit first, and reports the first thing that breaks its integrity:
 * versions must be contiguous from 1, each commit must chain to the hash of the one before, and
 * each commit's hash must match its content.
 *
 * <p>What the chain cannot see: the loss of the newest commits (nothing follows them). The
 * consistency check compares the stream's end with the projection and snapshots for that.
 */
public final class StreamVerifier {
  private StreamVerifier() {}

  /** What is wrong, and at which version. */
  public enum Problem {
    /** A version is missing: the commit holding it was lost or deleted. */
    GAP,
    /** A commit starts inside the previous one, or its versions do not match its events. */
    OVERLAP,
    /** A commit does not chain to the hash of the one before: reordered or replaced. */
    BROKEN_CHAIN,
    /** A commit's content no longer matches its hash: altered after it was written. */
    HASH_MISMATCH
  }

  public record Finding(String orderId, long version, Problem problem, String detail) {}

  public static Optional<Finding> verify(String orderId, List<StoredCommit> commits) {
    long expected = 1;
    String prevHash = NewCommit.GENESIS_HASH;
    for (StoredCommit c : commits) {
      if (c.version() > expected) {
        return found(
            orderId,
            expected,
            Problem.GAP,
            "versions " + expected + ".." + (c.version() - 1) + " are missing");
      }
      if (c.version() < expected || c.lastVersion() != c.version() + c.events().size() - 1) {
        return found(
            orderId,
            c.version(),
            Problem.OVERLAP,
            "commit "
                + c.version()
                + ".."
                + c.lastVersion()
                + " holds "
                + c.events().size()
                + " events after version "
                + (expected - 1));
      }
      if (!c.prevHash().equals(prevHash)) {
        return found(
            orderId,
            c.version(),
            Problem.BROKEN_CHAIN,
            "prevHash does not match the hash of the commit before");
      }
      if (!CommitHash.of(c).equals(c.hash())) {
        return found(
            orderId, c.version(), Problem.HASH_MISMATCH, "content does not match its hash");
      }
      expected = c.lastVersion() + 1;
      prevHash = c.hash();
    }
    return Optional.empty();
  }

  private static Optional<Finding> found(
      String orderId, long version, Problem problem, String detail) {
    return Optional.of(new Finding(orderId, version, problem, detail));
  }
}
