package io.orderflow.recovery.nativebackup;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * DynamoDB's own backups and restores (on-demand backups and point-in-time recovery). Each call
 * starts the operation and waits, heartbeating, until DynamoDB reports it finished; a retry picks
 * up the operation the previous attempt started instead of starting a second one. Restores always
 * write a new table: the caller verifies it and switches the active tables, as with a restore from
 * an export.
 *
 * <p>Failures that no retry can fix are non-retryable {@code ApplicationFailure}s with these types:
 * {@value #UNSUPPORTED} (the endpoint does not implement the operation, e.g. dynalite), {@value
 * #NOT_FOUND} (no such table or backup), {@value #TARGET_EXISTS} (the target table exists and is
 * not this restore's), {@value #INVALID_REQUEST} (e.g. PITR off, a time outside the window, a bad
 * name), {@value #FAILED} (DynamoDB ended the operation in a failed state).
 *
 * <p>Activity types are prefixed {@code Native} ({@code NativeCreateBackup}, …) so they never clash
 * with other activities on the {@code recovery} queue.
 */
@ActivityInterface(namePrefix = "Native")
public interface NativeBackupActivities {
  String UNSUPPORTED = "NativeBackupUnsupported";
  String NOT_FOUND = "NativeBackupNotFound";
  String TARGET_EXISTS = "NativeRestoreTargetExists";
  String INVALID_REQUEST = "NativeBackupInvalidRequest";
  String FAILED = "NativeBackupFailed";

  /**
   * CreateBackup of a table, then waits until the backup is AVAILABLE.
   *
   * @return the backup's ARN. Idempotent per (table, backup name): a retry, or a second call with
   *     the same name, returns the existing backup of that name instead of taking another.
   */
  @ActivityMethod
  String createBackup(CreateBackupRequest request);

  /**
   * RestoreTableFromBackup into a new table, then waits until it is ACTIVE with the restore done.
   * Idempotent: if the target already exists as a restore of the same backup, it only waits.
   */
  @ActivityMethod
  void restoreFromBackup(RestoreFromBackupRequest request);

  /**
   * RestoreTableToPointInTime into a new table (needs PITR on the source), then waits until it is
   * ACTIVE with the restore done. Idempotent like {@link #restoreFromBackup}.
   */
  @ActivityMethod
  void restoreToPointInTime(PointInTimeRestoreRequest request);

  /** Deletes a table and waits until it is gone; a table that is already gone is fine. */
  @ActivityMethod
  void deleteTable(String table);
}
