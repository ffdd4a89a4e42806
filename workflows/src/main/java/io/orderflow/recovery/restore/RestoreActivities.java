package io.orderflow.recovery.restore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The side effects of a full restore. Every method is idempotent: a retry changes nothing more. */
@ActivityInterface
public interface RestoreActivities {

  /**
   * Checks that the tables and the control item are reachable, that the backup is complete and that
   * every data file still matches its checksum (heartbeating per file). Changes nothing.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, type {@code BackupNotFound} or
   *     {@code BackupTampered}, naming the backup or the file
   */
  @ActivityMethod
  BackupPlan preflight(String backupId);

  /** Sets the service mode; returns the mode it replaced. */
  @ActivityMethod
  String setServiceMode(ModeRequest request);

  /** Creates the new events and snapshots tables with every index; existing ones are fine. */
  @ActivityMethod
  void createTables(ActivePointer targets);

  /**
   * Writes one data file's items into a table in batches, heartbeating the lines done; a retry
   * resumes after the last heartbeat.
   */
  @ActivityMethod
  ImportResult importFile(ImportRequest request);

  /**
   * Scans one segment of the restored events table: contiguous versions and an intact hash chain
   * for every stream, commits, events and orders counted; and counts the snapshots table's segment.
   */
  @ActivityMethod
  SegmentValidation validateSegment(ValidateRequest request);

  /**
   * Rebuilds orders from the restored tables, checks the business rules on each and compares the
   * latest snapshot with the fold of the events up to it.
   */
  @ActivityMethod
  Reconstruction reconstruct(ReconstructRequest request);

  /**
   * Moves the active-tables pointer.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, type {@code PointerMoved}, when
   *     another switch happened first
   */
  @ActivityMethod
  ActivePointer switchTables(SwitchRequest request);

  /** Reads canary orders through the active tables and reports failures. */
  @ActivityMethod
  Probe probe(ProbeRequest request);

  /** Counts commits in an events table committed at or after an instant (ISO-8601). */
  @ActivityMethod
  long commitsSince(String eventsTable, String since);

  /** Deletes tables; missing ones are fine. Refuses to delete a table the pointer names. */
  @ActivityMethod
  void dropTables(List<String> tables);

  /** Releases the single-restore lock this operation holds; nothing if it holds none. */
  @ActivityMethod
  void releaseLock(String operationId);
}
