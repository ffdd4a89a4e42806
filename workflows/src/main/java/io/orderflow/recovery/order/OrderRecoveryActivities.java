package io.orderflow.recovery.order;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The side effects of a single-order recovery. Every method is idempotent: the reads change
 * nothing, and {@link #repair} only writes conditionally, so a retry finds its own earlier writes
 * and goes on from there. A failure a retry cannot fix is a non-retryable {@code
 * ApplicationFailure} of one of the types below, with a message meant for the operator.
 */
@ActivityInterface
public interface OrderRecoveryActivities {
  /** The backup named does not exist, or no backup holds the order. */
  String BACKUP_NOT_FOUND = "BackupNotFound";

  /** A backup file does not match the checksum its manifest states. */
  String TAMPERED_BACKUP = "TamperedBackup";

  /** The backup's copy of the order is incomplete, unreadable or breaks its hash chain. */
  String CORRUPT_BACKUP = "CorruptBackup";

  /** The order's commits are too large to carry through the workflow's history. */
  String ORDER_TOO_LARGE = "OrderTooLarge";

  /** A live commit changed between the comparison and the repair; nothing was overwritten. */
  String CONCURRENT_CHANGE = "ConcurrentChange";

  /** After the repair the live stream still does not verify (e.g. a newer commit is broken). */
  String UNVERIFIED_STREAM = "UnverifiedStream";

  /** The backup to use: the one named, else the newest whose orders index holds the order. */
  @ActivityMethod
  ChosenBackup findBackup(FindBackupRequest request);

  /**
   * Verifies the checksum of every events file of the backup, then reads the order's commits out of
   * them and verifies their hash chain. Heartbeats per file; a retry starts over (it only reads).
   */
  @ActivityMethod
  BackupCommits extract(ExtractRequest request);

  /** Folds the backup's commits and checks the business rules on the way. */
  @ActivityMethod
  Rebuilt rebuild(BackupCommits backup);

  /** Reads the live stream and plans, commit by commit, what the repair has to do. */
  @ActivityMethod
  RecoveryPlan compare(BackupCommits backup);

  /**
   * Applies a plan: a missing commit is put only where the key is still free; a differing one is
   * first copied into the quarantine table, then replaced only if it still holds the hash the plan
   * saw. Heartbeats per change.
   */
  @ActivityMethod
  RepairOutcome repair(RepairRequest request);

  /**
   * Verifies the whole live stream (or, in a dry run, the stream the plan would leave), folds it
   * with the rules checked and, unless dry, writes a snapshot (skipped when the newest one equals
   * it) and moves the order-summary row forward.
   */
  @ActivityMethod
  SnapshotResult writeSnapshot(SnapshotRequest request);
}
