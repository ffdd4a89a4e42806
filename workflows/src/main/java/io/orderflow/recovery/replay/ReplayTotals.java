package io.orderflow.recovery.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * What a replay found and did so far, summed over batches (and over continued runs).
 *
 * @param changed the first orders whose state changed, field by field; {@code changedCount} counts
 *     them all
 * @param corrections the corrections the stored histories need; none in totals carried by runs
 *     begun before corrective events existed
 */
public record ReplayTotals(
    long examined,
    long changedCount,
    long snapshotsRewritten,
    long projectionRowsFixed,
    long historyViolations,
    List<OrderChange> changed,
    long startedAtMillis,
    CorrectionTotals corrections) {
  /** At most this many changed orders (and corrections) are listed in a report. */
  public static final int MAX_LISTED = 500;

  public ReplayTotals {
    corrections = corrections == null ? CorrectionTotals.none() : corrections;
  }

  public static ReplayTotals empty(long startedAtMillis) {
    return new ReplayTotals(0, 0, 0, 0, 0, List.of(), startedAtMillis, CorrectionTotals.none());
  }

  public ReplayTotals plus(ReplayBatchResult batch) {
    List<OrderChange> listed = new ArrayList<>(changed);
    for (OrderChange change : batch.changed()) {
      if (listed.size() < MAX_LISTED) {
        listed.add(change);
      }
    }
    return new ReplayTotals(
        examined + batch.examined(),
        changedCount + batch.changed().size(),
        snapshotsRewritten + batch.snapshotsRewritten(),
        projectionRowsFixed + batch.projectionRowsFixed(),
        historyViolations + batch.historyViolations(),
        List.copyOf(listed),
        startedAtMillis,
        corrections.plus(batch.corrections()));
  }
}
