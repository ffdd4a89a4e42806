package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.EventStoreActivities;
import io.orderflow.eventstore.LoadedOrder;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.order.LineItem;
import io.orderflow.order.Order;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.RecordedEvent;
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
import java.util.Objects;

/**
 * A fake event store that keeps to the contract of {@link EventStoreActivities}: optimistic
 * concurrency on the expected version, a hash chain, idempotence on the commit id, and the check of
 * the stream's head after the tables were switched ({@link #restore}).
 */
final class InMemoryEventStore implements EventStoreActivities {

  /** One stored commit; {@code unpublished} until the publication activity has sent it. */
  record StoredCommit(NewCommit commit, String hash, boolean unpublished) {}

  private final Map<String, List<StoredCommit>> streams = new HashMap<>();
  private final Map<String, AppendResult> resultsByCommitId = new HashMap<>();
  private int appendAttempts;
  private int answersToLose;
  private long revision;
  private int headChecks;
  private int loads;
  private Runnable afterNextLoad;

  @Override
  public synchronized AppendResult appendCommit(NewCommit commit) {
    appendAttempts++;
    AppendResult earlier = resultsByCommitId.get(commit.commitId());
    if (earlier != null) {
      return earlier;
    }
    List<StoredCommit> stream = streams.computeIfAbsent(commit.orderId(), id -> new ArrayList<>());
    long version = stream.isEmpty() ? 0 : stream.get(stream.size() - 1).commit().lastVersion();
    String headHash =
        stream.isEmpty() ? NewCommit.GENESIS_HASH : stream.get(stream.size() - 1).hash();
    if (revision != 0
        && !Objects.equals(commit.tablesRevision(), revision)
        && commit.expectedVersion() > 0) {
      headChecks++;
      if (version != commit.expectedVersion() || !headHash.equals(commit.prevHash())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "order " + commit.orderId() + " was restored: its stream ends at version " + version,
            STREAM_RESTORED,
            commit.expectedVersion(),
            version);
      }
    }
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
        new AppendResult(
            commit.orderId(), commit.firstVersion(), commit.lastVersion(), hash, revision);
    resultsByCommitId.put(commit.commitId(), result);
    if (answersToLose > 0) {
      answersToLose--;
      throw new IllegalStateException("connection reset after the commit was written");
    }
    return result;
  }

  @Override
  public synchronized LoadedOrder loadOrder(String orderId) {
    loads++;
    List<StoredCommit> stream = streams.getOrDefault(orderId, List.of());
    List<RecordedEvent> events = new ArrayList<>();
    for (StoredCommit stored : stream) {
      long version = stored.commit().firstVersion();
      for (NewEvent e : stored.commit().events()) {
        events.add(new RecordedEvent(version++, e.eventId(), e.occurredAt(), e.event()));
      }
    }
    LoadedOrder loaded =
        new LoadedOrder(
            Order.fold(orderId, events),
            stream.isEmpty() ? NewCommit.GENESIS_HASH : stream.get(stream.size() - 1).hash(),
            revision);
    if (afterNextLoad != null) {
      Runnable then = afterNextLoad;
      afterNextLoad = null;
      then.run();
    }
    return loaded;
  }

  /**
   * A full restore: the tables switch (the revision moves on) to copies that hold only the first
   * {@code keepCommits} commits of the order's stream, as a backup taken back then would.
   */
  synchronized void restore(String orderId, int keepCommits) {
    List<StoredCommit> stream = streams.getOrDefault(orderId, new ArrayList<>());
    List<StoredCommit> kept = new ArrayList<>(stream.subList(0, keepCommits));
    stream.subList(keepCommits, stream.size()).stream()
        .map(c -> c.commit().commitId())
        .forEach(resultsByCommitId::remove);
    streams.put(orderId, kept);
    revision++;
  }

  /**
   * A full restore to a stream that kept the first {@code keepCommits} commits and then went on
   * differently: {@code instead} follows them, at the version the workflow's next commit expects.
   */
  synchronized void restoreDiverging(String orderId, int keepCommits, OrderEvent instead) {
    restore(orderId, keepCommits);
    List<StoredCommit> stream = streams.get(orderId);
    StoredCommit last = stream.get(stream.size() - 1);
    NewCommit other =
        new NewCommit(
            orderId,
            last.commit().lastVersion(),
            "restored-commit",
            last.hash(),
            List.of(new NewEvent("restored-event", Instant.EPOCH, instead)),
            new CommitMetadata("other", "other", "other", "other"));
    stream.add(new StoredCommit(other, hash(other), false));
  }

  /** The next reload is followed by yet another switch of the tables, to {@code keepCommits}. */
  synchronized void restoreAgainAfterNextLoad(String orderId, int keepCommits) {
    afterNextLoad = () -> restore(orderId, keepCommits);
  }

  synchronized long revision() {
    return revision;
  }

  /** How many appends had to read the head first, because the tables moved since their view. */
  synchronized int headChecks() {
    return headChecks;
  }

  synchronized int loads() {
    return loads;
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

  /**
   * Another writer (the replay runbook's correction, a single-order recovery) appends {@code event}
   * at the head of the order's stream, chained to it, under the workflow's feet.
   */
  synchronized void appendFromAnotherWriter(String orderId, OrderEvent event) {
    List<StoredCommit> stream = streams.computeIfAbsent(orderId, id -> new ArrayList<>());
    StoredCommit head = stream.get(stream.size() - 1);
    NewCommit other =
        new NewCommit(
            orderId,
            head.commit().lastVersion(),
            "other-commit-" + stream.size(),
            head.hash(),
            List.of(new NewEvent("other-event-" + stream.size(), Instant.EPOCH, event)),
            new CommitMetadata("other", "other", "recovery", "other"));
    stream.add(new StoredCommit(other, hash(other), false));
  }

  /** The next reload is followed by yet another writer's commit of {@code event}. */
  synchronized void appendFromAnotherWriterAfterNextLoad(String orderId, OrderEvent event) {
    afterNextLoad = () -> appendFromAnotherWriter(orderId, event);
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
