package io.orderflow.eventstore.dynamodb;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.LoadedOrder;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.order.Order;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append activity: the store's typed failures become non-retryable Temporal failures, and a
 * commit decided before the active tables were switched is checked against the stream that serves
 * now before it may land (docs/decisions.md, "Order workflows after a full restore").
 */
public final class DynamoDbEventStoreActivities implements EventStoreActivities {
  private final DynamoDbEventStore store;
  private final Targets targets;

  /**
   * The events table appends go to, and the revision of the active-tables pointer that named it
   * (how many times a restore has switched the tables; 0 = never).
   */
  public record Target(String events, long revision) {}

  /** Reads the active-tables pointer. */
  @FunctionalInterface
  public interface Targets {
    /**
     * @param fresh bypass any cache: the caller has seen a newer revision than the cached one
     */
    Target read(boolean fresh);

    /** Tables that never move: revision 0, so every append goes straight to the put. */
    static Targets fixed(String events) {
      Target target = new Target(events, 0);
      return fresh -> target;
    }
  }

  /**
   * @param targets must read the same pointer as the {@link ActiveTables} the store was built with
   *     (in the workers: the one {@code ActiveTablesStore}), so that the revision an append checks
   *     and the tables the store reads belong together
   */
  public DynamoDbEventStoreActivities(DynamoDbEventStore store, Targets targets) {
    this.store = store;
    this.targets = targets;
  }

  @Override
  public AppendResult appendCommit(NewCommit commit) {
    try {
      Target target = targets.read(false);
      Long confirmed = commit.tablesRevision();
      if (confirmed != null && confirmed > target.revision()) {
        // The workflow has seen a later switch than this instance's cached pointer: never append
        // to the table it has already left.
        target = targets.read(true);
      }
      if (target.revision() != 0
          && !Objects.equals(confirmed, target.revision())
          && commit.expectedVersion() > 0) {
        Optional<AppendResult> landed = confirmHead(commit, target);
        if (landed.isPresent()) {
          return landed.get();
        }
      }
      return store.append(commit, target.events()).inRevision(target.revision());
    } catch (ConcurrencyConflict e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), CONCURRENCY_CONFLICT, e.expectedVersion(), e.actualVersion());
    } catch (InvalidCommit e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_COMMIT);
    }
  }

  /**
   * The one extra read after a switch: the head of the stream in the tables that serve now must be
   * the commit this one chains to. (A first commit, at expected version 0, needs no check: its put
   * collides with any stream the restore brought back.)
   *
   * @return the earlier result when this is the retry of an append that already passed the check
   *     and landed; empty when the commit may be appended
   */
  private Optional<AppendResult> confirmHead(NewCommit commit, Target target) {
    Optional<StoredCommit> head = store.head(commit.orderId(), target.events());
    long headVersion = head.map(StoredCommit::lastVersion).orElse(0L);
    String headHash = head.map(StoredCommit::hash).orElse(NewCommit.GENESIS_HASH);
    if (headVersion == commit.expectedVersion() && headHash.equals(commit.prevHash())) {
      return Optional.empty();
    }
    Optional<StoredCommit> mine =
        store
            .readCommit(commit.orderId(), commit.firstVersion(), target.events())
            .filter(c -> c.commitId().equals(commit.commitId()));
    if (mine.isPresent()) {
      StoredCommit c = mine.get();
      return Optional.of(
          new AppendResult(c.orderId(), c.version(), c.lastVersion(), c.hash(), target.revision()));
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "order "
            + commit.orderId()
            + " was restored under its workflow: the commit expects version "
            + commit.expectedVersion()
            + " but the stream in "
            + target.events()
            + " (tables revision "
            + target.revision()
            + ") ends at version "
            + headVersion
            + (headVersion == commit.expectedVersion() ? " with another hash" : ""),
        STREAM_RESTORED,
        commit.expectedVersion(),
        headVersion);
  }

  @Override
  public LoadedOrder loadOrder(String orderId) {
    // Fresh: the caller was just told the tables moved, and must not reload the ones it left.
    Target before = targets.read(true);
    List<StoredCommit> commits = store.readCommits(orderId);
    Target after = targets.read(false);
    if (before.revision() != after.revision()) {
      throw ApplicationFailure.newFailure(
          "the active tables moved from revision "
              + before.revision()
              + " to "
              + after.revision()
              + " while order "
              + orderId
              + " was read; reading again",
          "TablesMoving");
    }
    try {
      Order order =
          Order.fold(
              orderId,
              commits.stream()
                  .flatMap(c -> c.events().stream())
                  .map(store.codec()::decode)
                  .toList());
      String lastHash =
          commits.isEmpty() ? NewCommit.GENESIS_HASH : commits.get(commits.size() - 1).hash();
      return new LoadedOrder(order, lastHash, after.revision());
    } catch (UnreadableEvent | IllegalStateException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "order " + orderId + " cannot be reloaded from " + after.events() + ": " + e.getMessage(),
          "UnreadableStream");
    }
  }
}
