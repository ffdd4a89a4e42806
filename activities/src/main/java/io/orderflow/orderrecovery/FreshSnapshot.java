package io.orderflow.orderrecovery;

import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StreamVerifier;
import io.orderflow.order.Order;
import io.orderflow.order.OrderInvariants;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.order.OrderRecoveryActivities;
import io.orderflow.recovery.order.SnapshotRequest;
import io.orderflow.recovery.order.SnapshotResult;
import io.orderflow.snapshot.OrderSnapshot;
import io.orderflow.snapshot.SnapshotStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The recovery's last step: verify the whole stream, fold it, and write the snapshot and the
 * order-summary row. A snapshot equal to the newest one is not written again, so a second run
 * changes nothing.
 */
final class FreshSnapshot {
  private final LiveStream live;
  private final OrderFold fold;
  private final SnapshotStore snapshots;
  private final OrderSummaryProjection projection;
  private final Clock clock;
  private final int keepSnapshots;

  FreshSnapshot(
      LiveStream live,
      OrderFold fold,
      SnapshotStore snapshots,
      OrderSummaryProjection projection,
      Clock clock,
      int keepSnapshots) {
    this.live = live;
    this.fold = fold;
    this.snapshots = snapshots;
    this.projection = projection;
    this.clock = clock;
    this.keepSnapshots = keepSnapshots;
  }

  SnapshotResult write(SnapshotRequest request) {
    String orderId = request.orderId();
    List<StoredCommit> stream = request.dryRun() ? planned(request) : live(orderId);
    Optional<StreamVerifier.Finding> finding = StreamVerifier.verify(orderId, stream);
    if (finding.isPresent() && !request.dryRun()) {
      throw Failures.of(
          OrderRecoveryActivities.UNVERIFIED_STREAM,
          "after the repair the stream of order "
              + orderId
              + " still does not verify: "
              + describe(finding.get())
              + ". The commits after the backup were kept as they are; inspect them, or name a"
              + " newer backup. No snapshot was written");
    }
    OrderInvariants.Checked checked =
        fold.check(
            orderId, stream, OrderRecoveryActivities.UNVERIFIED_STREAM, "the recovered stream");
    Order state = checked.state();
    String status = state.status() == null ? null : state.status().name();
    if (request.dryRun()) {
      return new SnapshotResult(
          state.version(),
          status,
          checked.violations(),
          finding.map(FreshSnapshot::describe).orElse(null),
          false,
          false);
    }
    boolean written = false;
    if (!newestEquals(state)) {
      snapshots.save(new OrderSnapshot(state, Order.STATE_SCHEMA_VERSION, clock.instant()));
      snapshots.prune(orderId, keepSnapshots);
      written = true;
    }
    boolean projected = projection.upsert(state);
    return new SnapshotResult(
        state.version(), status, checked.violations(), null, written, projected);
  }

  private List<StoredCommit> live(String orderId) {
    List<StoredCommit> commits = new ArrayList<>();
    for (Map<String, AttributeValue> item : live.items(orderId)) {
      commits.add(
          Commits.read(item)
              .orElseThrow(
                  () ->
                      Failures.of(
                          OrderRecoveryActivities.UNVERIFIED_STREAM,
                          "after the repair the live item of order "
                              + orderId
                              + " at version "
                              + Commits.version(item)
                              + " is still not a readable commit")));
    }
    return commits;
  }

  // The stream a real run would leave: the backup's history, then the live commits after it.
  private List<StoredCommit> planned(SnapshotRequest request) {
    List<StoredCommit> commits = new ArrayList<>(Commits.of(request.backup()));
    long last = request.backup().lastVersion();
    for (Map<String, AttributeValue> item : live.items(request.orderId())) {
      if (Commits.version(item) > last) {
        Commits.read(item).ifPresent(commits::add);
      }
    }
    return commits;
  }

  private boolean newestEquals(Order state) {
    return snapshots
        .latest(state.orderId())
        .filter(s -> s.version() == state.version())
        .filter(s -> s.stateSchemaVersion() == Order.STATE_SCHEMA_VERSION)
        .flatMap(snapshots::tryDecode)
        .filter(state::equals)
        .isPresent();
  }

  private static String describe(StreamVerifier.Finding finding) {
    return finding.problem() + " at version " + finding.version() + " (" + finding.detail() + ")";
  }
}
