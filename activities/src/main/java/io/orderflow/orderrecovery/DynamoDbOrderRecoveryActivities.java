package io.orderflow.orderrecovery;

import io.orderflow.backup.BackupStore;
import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.order.OrderInvariants;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.order.BackupCommits;
import io.orderflow.recovery.order.ChosenBackup;
import io.orderflow.recovery.order.ExtractRequest;
import io.orderflow.recovery.order.FindBackupRequest;
import io.orderflow.recovery.order.OrderRecoveryActivities;
import io.orderflow.recovery.order.Rebuilt;
import io.orderflow.recovery.order.RecoveryPlan;
import io.orderflow.recovery.order.RepairOutcome;
import io.orderflow.recovery.order.RepairRequest;
import io.orderflow.recovery.order.SnapshotRequest;
import io.orderflow.recovery.order.SnapshotResult;
import io.orderflow.snapshot.SnapshotStore;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Single-order recovery against a backup store and the active DynamoDB tables. */
public final class DynamoDbOrderRecoveryActivities implements OrderRecoveryActivities {
  private final BackupReader backups;
  private final LiveStream live;
  private final OrderFold fold;
  private final Repair repair;
  private final FreshSnapshot snapshot;

  /**
   * @param keepSnapshots how many snapshots per order to keep after writing the fresh one
   */
  public DynamoDbOrderRecoveryActivities(
      DynamoDbClient dynamo,
      ActiveTables tables,
      BackupStore backups,
      QuarantineStore quarantine,
      SnapshotStore snapshots,
      OrderSummaryProjection projection,
      Clock clock,
      int keepSnapshots) {
    this.backups = new BackupReader(backups);
    this.live = new LiveStream(dynamo, tables);
    this.fold = new OrderFold(new EventCodec());
    this.repair = new Repair(live, quarantine);
    this.snapshot = new FreshSnapshot(live, fold, snapshots, projection, clock, keepSnapshots);
  }

  @Override
  public ChosenBackup findBackup(FindBackupRequest request) {
    return backups.find(request);
  }

  @Override
  public BackupCommits extract(ExtractRequest request) {
    return backups.extract(request, heartbeat());
  }

  @Override
  public Rebuilt rebuild(BackupCommits backup) {
    OrderInvariants.Checked checked =
        fold.check(
            backup.orderId(),
            Commits.of(backup),
            CORRUPT_BACKUP,
            "backup " + backup.backupId() + "'s copy");
    var state = checked.state();
    return new Rebuilt(
        state.version(),
        state.status() == null ? null : state.status().name(),
        checked.violations());
  }

  @Override
  public RecoveryPlan compare(BackupCommits backup) {
    return StreamComparison.plan(backup, live.items(backup.orderId()));
  }

  @Override
  public RepairOutcome repair(RepairRequest request) {
    return repair.apply(request, heartbeat());
  }

  @Override
  public SnapshotResult writeSnapshot(SnapshotRequest request) {
    return snapshot.write(request);
  }

  private static IntConsumer heartbeat() {
    var context = Activity.getExecutionContext();
    return done -> context.heartbeat(done);
  }
}
