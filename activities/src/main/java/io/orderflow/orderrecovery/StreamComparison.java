package io.orderflow.orderrecovery;

import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.recovery.order.BackupCommits;
import io.orderflow.recovery.order.CommitCopy;
import io.orderflow.recovery.order.PlannedChange;
import io.orderflow.recovery.order.QuarantineReason;
import io.orderflow.recovery.order.RecoveryPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares a backup's copy of an order with the live items, key by key. A live commit counts as
 * equal only if it states the backup's hash and its content still matches that hash; anything else
 * at a key the backup holds is replaced, and a live commit that starts inside one of the backup's
 * commits is removed. Both go through the quarantine. Live commits after the backup's last version
 * are left alone.
 */
final class StreamComparison {
  private StreamComparison() {}

  static RecoveryPlan plan(BackupCommits backup, List<Map<String, AttributeValue>> liveItems) {
    TreeMap<Long, CommitCopy> backupByKey = new TreeMap<>();
    backup.commits().forEach(c -> backupByKey.put(c.version(), c));
    TreeMap<Long, Map<String, AttributeValue>> liveByKey = new TreeMap<>();
    liveItems.forEach(item -> liveByKey.put(Commits.version(item), item));

    List<PlannedChange> changes = new ArrayList<>();
    List<Long> unchanged = new ArrayList<>();
    List<Long> newer = new ArrayList<>();
    for (CommitCopy copy : backup.commits()) {
      Map<String, AttributeValue> live = liveByKey.get(copy.version());
      if (live == null) {
        changes.add(
            new PlannedChange(
                copy.version(),
                PlannedChange.Kind.RESTORE,
                null,
                "missing live",
                null,
                copy.hash(),
                copy.item()));
      } else {
        Optional<PlannedChange> replace = differing(live, copy);
        if (replace.isPresent()) {
          changes.add(replace.get());
        } else {
          unchanged.add(copy.version());
        }
      }
    }
    liveByKey.forEach(
        (key, live) -> {
          if (backupByKey.containsKey(key)) {
            return;
          }
          if (key > backup.lastVersion()) {
            newer.add(key);
          } else {
            CommitCopy covering = backupByKey.floorEntry(key).getValue();
            changes.add(
                new PlannedChange(
                    key,
                    PlannedChange.Kind.REMOVE,
                    QuarantineReason.OVERLAPS_BACKUP,
                    "starts at version "
                        + key
                        + " inside the backup's commit "
                        + covering.version()
                        + ".."
                        + covering.lastVersion(),
                    Commits.statedHash(live),
                    covering.hash(),
                    null));
          }
        });
    changes.sort(Comparator.comparingLong(PlannedChange::version));
    return new RecoveryPlan(backup.orderId(), backup.backupId(), changes, unchanged, newer);
  }

  private static Optional<PlannedChange> differing(Map<String, AttributeValue> live, CommitCopy b) {
    Optional<StoredCommit> read = Commits.read(live);
    QuarantineReason reason;
    String detail;
    if (read.isEmpty()) {
      reason = QuarantineReason.UNREADABLE;
      detail = "the live item is not a readable commit";
    } else {
      StoredCommit commit = read.get();
      StoredCommit backup = Commits.of(b);
      if (!Commits.sound(commit)) {
        reason = QuarantineReason.HASH_MISMATCH;
        detail = "its content does not match the hash it states";
      } else if (commit.hash().equals(b.hash())) {
        return Optional.empty();
      } else if (!commit.prevHash().equals(backup.prevHash())) {
        reason = QuarantineReason.BROKEN_CHAIN;
        detail =
            "it chains to "
                + Commits.shortHash(commit.prevHash())
                + ", the backup's commit to "
                + Commits.shortHash(backup.prevHash());
      } else {
        reason = QuarantineReason.DIFFERS_FROM_BACKUP;
        detail =
            "commit "
                + commit.commitId()
                + " ("
                + commit.version()
                + ".."
                + commit.lastVersion()
                + ") is not the backup's "
                + backup.commitId()
                + " ("
                + backup.version()
                + ".."
                + backup.lastVersion()
                + ")";
      }
    }
    return Optional.of(
        new PlannedChange(
            b.version(),
            PlannedChange.Kind.REPLACE,
            reason,
            detail,
            Commits.statedHash(live),
            b.hash(),
            b.item()));
  }
}
