package io.orderflow.recovery.order;

import java.util.List;

/**
 * What a repair changed.
 *
 * @param restored the keys of the commits put back where none was
 * @param quarantined the live commits moved to the quarantine table
 */
public record RepairOutcome(List<Long> restored, List<QuarantinedCommit> quarantined) {
  public RepairOutcome {
    restored = List.copyOf(restored);
    quarantined = List.copyOf(quarantined);
  }

  public static RepairOutcome none() {
    return new RepairOutcome(List.of(), List.of());
  }

  /** What applying the plan would change: the dry run's answer. */
  public static RepairOutcome of(RecoveryPlan plan) {
    return new RepairOutcome(
        plan.changes().stream()
            .filter(c -> c.kind() == PlannedChange.Kind.RESTORE)
            .map(PlannedChange::version)
            .toList(),
        plan.changes().stream()
            .filter(c -> c.kind() != PlannedChange.Kind.RESTORE)
            .map(c -> new QuarantinedCommit(c.version(), c.reason(), null))
            .toList());
  }
}
