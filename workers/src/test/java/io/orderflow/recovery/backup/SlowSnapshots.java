package io.orderflow.recovery.backup;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityCanceledException;
import java.util.concurrent.CountDownLatch;

/**
 * The real backup activities, except that a snapshot segment never ends on its own: it heartbeats
 * until the workflow cancels it, so a test can cancel a backup that has written files already.
 */
final class SlowSnapshots implements BackupActivities {
  final CountDownLatch exportingSnapshots = new CountDownLatch(1);
  private final BackupActivities real;

  SlowSnapshots(BackupActivities real) {
    this.real = real;
  }

  @Override
  public SegmentExport exportSegment(SegmentRequest request) {
    if (request.table() == BackupTable.EVENTS) {
      return real.exportSegment(request);
    }
    exportingSnapshots.countDown();
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
  public BackupResult writeManifest(ManifestRequest request) {
    return real.writeManifest(request);
  }

  @Override
  public void deleteBackup(String backupId) {
    real.deleteBackup(backupId);
  }
}
