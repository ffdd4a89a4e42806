package io.orderflow.recovery.replay;

import java.util.List;

/**
 * What one batch found and (unless dry run) repaired.
 *
 * @param corrections what the stored histories need, per order and violation; empty in results
 *     recorded before corrective events existed
 */
public record ReplayBatchResult(
    long examined,
    List<OrderChange> changed,
    long snapshotsRewritten,
    long projectionRowsFixed,
    long historyViolations,
    List<HistoryCorrection> corrections) {

  public ReplayBatchResult {
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
  }

  public ReplayBatchResult(
      long examined,
      List<OrderChange> changed,
      long snapshotsRewritten,
      long projectionRowsFixed,
      long historyViolations) {
    this(examined, changed, snapshotsRewritten, projectionRowsFixed, historyViolations, List.of());
  }

  public ReplayBatchResult withCorrections(List<HistoryCorrection> settled) {
    return new ReplayBatchResult(
        examined, changed, snapshotsRewritten, projectionRowsFixed, historyViolations, settled);
  }
}
