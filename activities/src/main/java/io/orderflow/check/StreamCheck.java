package io.orderflow.check;

import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StreamVerifier;
import io.orderflow.order.Order;
import io.orderflow.projection.OrderSummary;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.check.FindingKind;
import io.orderflow.recovery.restore.Anomaly;
import io.orderflow.restore.OrderReconstruction;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the check asks of one order: its stream's integrity (versions and hash chain), commits
 * left unpublished, its latest snapshot against the fold (with the business rules, as the full
 * restore checks them) and its projection row against the fold of all its events.
 */
final class StreamCheck {
  private static final String RULE = "RULE:";

  private final OrderReconstruction reconstruction;
  private final OrderSummaryProjection projection;

  StreamCheck(OrderReconstruction reconstruction, OrderSummaryProjection projection) {
    this.reconstruction = reconstruction;
    this.projection = projection;
  }

  /**
   * @param cutoff commits made after it may still be on their way to SNS and the projection: they
   *     are not judged on those two
   */
  void check(
      String orderId,
      List<StoredCommit> commits,
      SnapshotStore snapshots,
      Instant cutoff,
      SegmentTally tally) {
    tally.order(commits);
    StreamVerifier.verify(orderId, commits)
        .ifPresent(
            f ->
                tally.add(
                    FindingKind.valueOf(f.problem().name()), orderId, f.version(), f.detail()));
    for (StoredCommit commit : commits) {
      if (commit.unpublished() && commit.committedAt().isBefore(cutoff)) {
        tally.add(
            FindingKind.STALE_UNPUBLISHED,
            orderId,
            commit.version(),
            "committed at "
                + commit.committedAt()
                + " and still not on SNS (docs/runbooks/republish.md)");
      }
    }
    OrderReconstruction.Outcome outcome = reconstruction.examine(orderId, commits, snapshots);
    if (outcome.snapshotCompared()) {
      tally.snapshotCompared();
    }
    for (Anomaly anomaly : outcome.anomalies()) {
      boolean rule = anomaly.kind().startsWith(RULE);
      tally.add(
          rule ? FindingKind.RULE_VIOLATION : FindingKind.valueOf(anomaly.kind()),
          orderId,
          anomaly.version(),
          rule
              ? anomaly.kind().substring(RULE.length()) + ": " + anomaly.detail()
              : anomaly.detail());
    }
    if (outcome.state() != null && outcome.state().exists()) {
      boolean settled = commits.get(commits.size() - 1).committedAt().isBefore(cutoff);
      compareProjection(orderId, outcome.state(), settled, tally);
    }
  }

  private void compareProjection(String orderId, Order fold, boolean settled, SegmentTally tally) {
    tally.projectionCompared();
    Optional<OrderSummary> row = projection.get(orderId);
    if (row.isEmpty()) {
      if (settled) {
        tally.add(
            FindingKind.PROJECTION_MISSING,
            orderId,
            fold.version(),
            "no order-summary row for an order at version " + fold.version());
      }
      return;
    }
    List<String> differences = ProjectionComparison.differences(row.get(), fold);
    boolean catchingUp = !settled && row.get().lastVersion() < fold.version();
    if (!differences.isEmpty() && !catchingUp) {
      tally.add(
          FindingKind.PROJECTION_MISMATCH, orderId, fold.version(), String.join("; ", differences));
    }
  }
}
