package io.orderflow.recovery.order;

import java.util.List;

/**
 * What a repair has to do to make the live stream hold the backup's history again.
 *
 * @param changes the commits to restore, replace or remove, by version
 * @param unchanged the keys of live commits equal to the backup's
 * @param newer the keys of live commits after the backup's last version: kept as they are
 */
public record RecoveryPlan(
    String orderId,
    String backupId,
    List<PlannedChange> changes,
    List<Long> unchanged,
    List<Long> newer) {
  public RecoveryPlan {
    changes = List.copyOf(changes);
    unchanged = List.copyOf(unchanged);
    newer = List.copyOf(newer);
  }
}
