package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderCreated;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A fake event store that keeps to the contract of {@link EventStoreActivities}: optimistic
 * concurrency on the expected version, a hash chain, and idempotence on the commit id.
 */
final class InMemoryEventStore implements EventStoreActivities {

  /** One stored commit; {@code unpublished} until the publication activity has sent it. */
  record StoredCommit(NewCommit commit, String hash, boolean unpublished) {}

  private final Map<String, List<StoredCommit>> streams = new HashMap<>();
  private final Map<String, AppendResult> resultsByCommitId = new HashMap<>();
  private int appendAttempts;
  private int answersToLose;

  @Override
  public synchronized AppendResult appendCommit(NewCommit commit) {
    appendAttempts++;
    AppendResult earlier = resultsByCommitId.get(commit.commitId());
    if (earlier != null) {
      return earlier;
    }
    List<StoredCommit> stream = streams.computeIfAbsent(commit.orderId(), id -> new ArrayList<>());
    long version = stream.isEmpty() ? 0 : stream.get(stream.size() - 1).commit().lastVersion();
    if (commit.expectedVersion() != version) {
      throw ApplicationFailure.newNonRetryableFailure(
          "order "
              + commit.orderId()
              + " is at version "
              + version
              + ", not "
              + commit.expectedVersion(),
          CONCURRENCY_CONFLICT);
    }
    String lastHash =
        stream.isEmpty() ? NewCommit.GENESIS_HASH : stream.get(stream.size() - 1).hash();
    if (!lastHash.equals(commit.prevHash())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "commit does not chain to " + lastHash, INVALID_COMMIT);
    }
    String hash = hash(commit);
    stream.add(new StoredCommit(commit, hash, true));
    AppendResult result =
        new AppendResult(commit.orderId(), commit.firstVersion(), commit.lastVersion(), hash);
    resultsByCommitId.put(commit.commitId(), result);
    if (answersToLose > 0) {
      answersToLose--;
      throw new IllegalStateException("connection reset after the commit was written");
    }
    return result;
  }

  /** The next append is written but its caller never hears back, so the caller retries. */
  synchronized void loseNextAnswer() {
    answersToLose++;
  }

  /** Another writer got version 1 of this order first. */
  synchronized void commitFromAnotherWriter(String orderId) {
    NewCommit foreign =
        new NewCommit(
            orderId,
            0,
            "foreign-commit",
            NewCommit.GENESIS_HASH,
            List.of(
                new NewEvent(
                    "foreign-event",
                    Instant.EPOCH,
                    new OrderCreated(
                        orderId,
                        "someone-else",
                        "EUR",
                        List.of(new LineItem("X", 1, BigDecimal.ONE))))),
            new CommitMetadata("other", "other", "other", "other"));
    streams
        .computeIfAbsent(orderId, id -> new ArrayList<>())
        .add(new StoredCommit(foreign, hash(foreign), true));
  }

  synchronized void markPublished(String orderId, long firstVersion) {
    List<StoredCommit> stream = streams.getOrDefault(orderId, List.of());
    for (int i = 0; i < stream.size(); i++) {
      StoredCommit stored = stream.get(i);
      if (stored.commit().firstVersion() == firstVersion) {
        stream.set(i, new StoredCommit(stored.commit(), stored.hash(), false));
        return;
      }
    }
    throw new IllegalArgumentException("no commit " + orderId + "@" + firstVersion);
  }

  synchronized List<StoredCommit> commits(String orderId) {
    return List.copyOf(streams.getOrDefault(orderId, List.of()));
  }

  synchronized int appendAttempts() {
    return appendAttempts;
  }

  private static String hash(NewCommit commit) {
    StringBuilder canonical =
        new StringBuilder()
            .append(commit.prevHash())
            .append('|')
            .append(commit.orderId())
            .append('|')
            .append(commit.firstVersion())
            .append('|')
            .append(commit.commitId());
    for (NewEvent event : commit.events()) {
      canonical.append('|').append(event.eventId()).append('|').append(event.event());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
