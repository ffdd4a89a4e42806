package io.orderflow.recovery.replay;

import java.util.List;

/** What one batch found and (unless dry run) repaired. */
public record ReplayBatchResult(
    long examined,
    List<OrderChange> changed,
    long snapshotsRewritten,
    long projectionRowsFixed,
    long historyViolations) {}
