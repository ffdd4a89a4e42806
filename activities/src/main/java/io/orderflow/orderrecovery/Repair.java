package io.orderflow.orderrecovery;

import io.orderflow.backup.DynamoDbJson;
import io.orderflow.recovery.order.OrderRecoveryActivities;
import io.orderflow.recovery.order.PlannedChange;
import io.orderflow.recovery.order.QuarantinedCommit;
import io.orderflow.recovery.order.RepairOutcome;
import io.orderflow.recovery.order.RepairRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies a recovery plan, one commit at a time. Moving a live commit is: copy it into the
 * quarantine table, then replace (or delete) it on the condition that it still states the hash the
 * plan saw. dynalite has no transactions, and none is needed: the copy comes first, so a crash in
 * between leaves the commit in both places, never in neither. A retry recognises its own earlier
 * writes (the backup's commit in place, the quarantine item under the same key) and goes on.
 */
final class Repair {
  private final LiveStream live;
  private final QuarantineStore quarantine;

  Repair(LiveStream live, QuarantineStore quarantine) {
    this.live = live;
    this.quarantine = quarantine;
  }

  RepairOutcome apply(RepairRequest request, IntConsumer heartbeat) {
    List<Long> restored = new ArrayList<>();
    List<QuarantinedCommit> quarantined = new ArrayList<>();
    int done = 0;
    for (PlannedChange change : request.plan().changes()) {
      if (change.kind() == PlannedChange.Kind.RESTORE) {
        restore(request.plan().orderId(), change);
        restored.add(change.version());
      } else {
        quarantined.add(move(request, change));
      }
      heartbeat.accept(++done);
    }
    return new RepairOutcome(restored, quarantined);
  }

  private void restore(String orderId, PlannedChange change) {
    if (live.putIfAbsent(item(change))) {
      return;
    }
    if (!Commits.isCommit(live.item(orderId, change.version()), change.backupHash())) {
      throw concurrent(orderId, change, "a commit was written there since the comparison");
    }
  }

  private QuarantinedCommit move(RepairRequest request, PlannedChange change) {
    String orderId = request.plan().orderId();
    String key = QuarantineStore.key(change.version(), request.quarantinedAt(), change.liveHash());
    QuarantinedCommit moved = new QuarantinedCommit(change.version(), change.reason(), key);
    boolean replace = change.kind() == PlannedChange.Kind.REPLACE;
    Optional<Map<String, AttributeValue>> current = live.item(orderId, change.version());
    boolean alreadyDone =
        replace ? Commits.isCommit(current, change.backupHash()) : current.isEmpty();
    if (alreadyDone) {
      if (quarantine.holds(orderId, key)) {
        return moved; // an earlier attempt of this repair
      }
      throw concurrent(orderId, change, "someone else changed it since the comparison");
    }
    if (current.isEmpty()
        || !Objects.equals(Commits.statedHash(current.get()), change.liveHash())) {
      throw concurrent(orderId, change, "it changed since the comparison");
    }
    quarantine.put(
        current.get(),
        key,
        change.reason(),
        change.detail(),
        request.operationId(),
        request.quarantinedAt(),
        change.backupHash());
    boolean swapped =
        replace
            ? live.replace(item(change), change.liveHash())
            : live.delete(orderId, change.version(), change.liveHash());
    if (!swapped) {
      throw concurrent(orderId, change, "it changed while it was being quarantined");
    }
    return moved;
  }

  private static Map<String, AttributeValue> item(PlannedChange change) {
    return DynamoDbJson.parse(change.backupItem());
  }

  private static ApplicationFailure concurrent(String orderId, PlannedChange change, String what) {
    return Failures.of(
        OrderRecoveryActivities.CONCURRENT_CHANGE,
        "the live commit of order "
            + orderId
            + " at version "
            + change.version()
            + " was not touched: "
            + what
            + ". Nothing was overwritten; run the recovery again once the order is quiet");
  }
}
