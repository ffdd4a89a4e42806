package io.orderflow.orderrecovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.orderflow.backup.DynamoDbJson;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.CommitHash;
import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.recovery.order.BackupCommits;
import io.orderflow.recovery.order.CommitCopy;
import io.orderflow.recovery.order.PlannedChange;
import io.orderflow.recovery.order.QuarantineReason;
import io.orderflow.recovery.order.RecoveryPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the comparison classifies each live commit against the backup's copy. */
class StreamComparisonTest {
  static final String ORDER = "o-1";

  // The backup's history: commits keyed 1, 2 (2..3) and 4.
  final StoredCommit c1 = commit(1, 1, NewCommit.GENESIS_HASH, "c1", "a");
  final StoredCommit c2 = commit(2, 2, c1.hash(), "c2", "b");
  final StoredCommit c4 = commit(4, 1, c2.hash(), "c4", "c");
  final BackupCommits backup =
      new BackupCommits(ORDER, "b-1", List.of(copy(c1), copy(c2), copy(c4)));

  @Test
  @DisplayName("a live stream equal to the backup needs no change")
  void equalStreamIsUnchanged() {
    RecoveryPlan plan = StreamComparison.plan(backup, items(c1, c2, c4));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unchanged()).containsExactly(1L, 2L, 4L);
    assertThat(plan.newer()).isEmpty();
  }

  @Test
  @DisplayName("a missing commit is restored and a newer one kept")
  void missingIsRestoredNewerKept() {
    StoredCommit c5 = commit(5, 1, c4.hash(), "c5", "d");

    RecoveryPlan plan = StreamComparison.plan(backup, items(c1, c4, c5));

    assertThat(plan.changes())
        .extracting(PlannedChange::version, PlannedChange::kind, PlannedChange::backupHash)
        .containsExactly(tuple(2L, PlannedChange.Kind.RESTORE, c2.hash()));
    assertThat(plan.newer()).containsExactly(5L);
  }

  @Test
  @DisplayName("a live commit starting inside a backup commit is removed as overlapping")
  void overlapIsRemoved() {
    StoredCommit c2Alone = commit(2, 1, c1.hash(), "x2", "b");
    StoredCommit c3Alone = commit(3, 1, c2Alone.hash(), "x3", "b");

    RecoveryPlan plan = StreamComparison.plan(backup, items(c1, c2Alone, c3Alone, c4));

    assertThat(plan.changes())
        .extracting(PlannedChange::version, PlannedChange::kind, PlannedChange::reason)
        .containsExactly(
            tuple(2L, PlannedChange.Kind.REPLACE, QuarantineReason.DIFFERS_FROM_BACKUP),
            tuple(3L, PlannedChange.Kind.REMOVE, QuarantineReason.OVERLAPS_BACKUP));
    assertThat(plan.changes().get(1).backupHash()).isEqualTo(c2.hash());
    assertThat(plan.changes().get(1).liveHash()).isEqualTo(c3Alone.hash());
  }

  @Test
  @DisplayName("a sound live commit chained elsewhere is replaced as a broken chain")
  void otherChainIsBroken() {
    StoredCommit rechained = commit(4, 1, "f".repeat(64), "c4", "c");

    RecoveryPlan plan = StreamComparison.plan(backup, items(c1, c2, rechained));

    assertThat(plan.changes())
        .extracting(PlannedChange::reason)
        .containsExactly(QuarantineReason.BROKEN_CHAIN);
  }

  @Test
  @DisplayName("altered content under the backup's own hash is a hash mismatch")
  void alteredContentIsAMismatch() {
    Map<String, AttributeValue> altered = new HashMap<>(CommitItems.toItem(c4));
    altered.put("commitId", AttributeValue.fromS("edited"));

    RecoveryPlan plan = StreamComparison.plan(backup, List.of(item(c1), item(c2), altered));

    assertThat(plan.changes())
        .extracting(PlannedChange::version, PlannedChange::reason, PlannedChange::liveHash)
        .containsExactly(tuple(4L, QuarantineReason.HASH_MISMATCH, c4.hash()));
  }

  @Test
  @DisplayName("a live item that is no commit at all is replaced as unreadable")
  void garbageIsUnreadable() {
    Map<String, AttributeValue> garbage =
        Map.of("orderId", AttributeValue.fromS(ORDER), "version", AttributeValue.fromN("1"));

    RecoveryPlan plan = StreamComparison.plan(backup, List.of(garbage, item(c2), item(c4)));

    assertThat(plan.changes())
        .extracting(PlannedChange::reason, PlannedChange::liveHash)
        .containsExactly(tuple(QuarantineReason.UNREADABLE, null));
  }

  private static StoredCommit commit(
      long version, int events, String prevHash, String commitId, String data) {
    List<StoredEvent> stored = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      stored.add(
          new StoredEvent(
              version + i,
              commitId + "-e" + i,
              "order-confirmed",
              1,
              Instant.parse("2026-01-01T00:00:00Z"),
              "{\"n\":\"" + data + "\"}"));
    }
    StoredCommit unsigned =
        new StoredCommit(
            ORDER,
            version,
            version + events - 1,
            commitId,
            stored,
            new CommitMetadata("c", "c", "test", "order-" + ORDER),
            Instant.parse("2026-01-01T00:00:00Z"),
            prevHash,
            "",
            false);
    return new StoredCommit(
        ORDER,
        version,
        unsigned.lastVersion(),
        commitId,
        stored,
        unsigned.metadata(),
        unsigned.committedAt(),
        prevHash,
        CommitHash.of(unsigned),
        false);
  }

  private static CommitCopy copy(StoredCommit c) {
    return new CommitCopy(c.version(), c.lastVersion(), c.hash(), DynamoDbJson.write(item(c)));
  }

  private static Map<String, AttributeValue> item(StoredCommit c) {
    return CommitItems.toItem(c);
  }

  private static List<Map<String, AttributeValue>> items(StoredCommit... commits) {
    return List.of(commits).stream().map(StreamComparisonTest::item).toList();
  }
}
