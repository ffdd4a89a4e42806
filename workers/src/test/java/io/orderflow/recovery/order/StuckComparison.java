package io.orderflow.recovery.order;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityCanceledException;
import java.util.concurrent.CountDownLatch;

/**
 * The real recovery activities, except that the comparison never ends on its own: it heartbeats
 * until the workflow cancels it, so a test can cancel a recovery half-way.
 */
final class StuckComparison implements OrderRecoveryActivities {
  final CountDownLatch comparing = new CountDownLatch(1);
  private final OrderRecoveryActivities real;

  StuckComparison(OrderRecoveryActivities real) {
    this.real = real;
  }

  @Override
  public RecoveryPlan compare(BackupCommits backup) {
    comparing.countDown();
    try {
      while (true) {
        Activity.getExecutionContext().heartbeat(null);
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ActivityCanceledException cancelled) {
      throw cancelled;
    }
  }

  @Override
  public ChosenBackup findBackup(FindBackupRequest request) {
    return real.findBackup(request);
  }

  @Override
  public BackupCommits extract(ExtractRequest request) {
    return real.extract(request);
  }

  @Override
  public Rebuilt rebuild(BackupCommits backup) {
    return real.rebuild(backup);
  }

  @Override
  public RepairOutcome repair(RepairRequest request) {
    return real.repair(request);
  }

  @Override
  public SnapshotResult writeSnapshot(SnapshotRequest request) {
    return real.writeSnapshot(request);
  }
}
