package io.orderflow.backup.aws;

import io.orderflow.recovery.nativebackup.CreateBackupRequest;
import io.orderflow.recovery.nativebackup.NativeBackupActivities;
import io.orderflow.recovery.nativebackup.PointInTimeRestoreRequest;
import io.orderflow.recovery.nativebackup.RestoreFromBackupRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.RestoreSummary;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@link NativeBackupActivities} against DynamoDB. Every wait polls the Describe call of what it
 * waits for every {@link Settings#pollInterval()} and heartbeats the status it saw, so a worker
 * that dies is noticed within the heartbeat timeout and a retry resumes the wait; the activity's
 * start-to-close timeout bounds the whole wait (a restore of a large table takes hours).
 */
public final class DynamoDbNativeBackupActivities implements NativeBackupActivities {

  /**
   * @param pollInterval between two Describe calls while waiting
   */
  public record Settings(Duration pollInterval) {
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(10));
    }
  }

  private final DynamoDbClient dynamo;
  private final Settings settings;

  public DynamoDbNativeBackupActivities(DynamoDbClient dynamo, Settings settings) {
    this.dynamo = dynamo;
    this.settings = settings;
  }

  @Override
  public String createBackup(CreateBackupRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    // The ARN a previous attempt heartbeated, else one of the same name: a retry never takes a
    // second backup.
    String arn =
        context
            .getHeartbeatDetails(String.class)
            .or(() -> existingBackup(request.table(), request.backupName()))
            .orElse(null);
    if (arn == null) {
      arn =
          NativeFailures.call(
              "CreateBackup",
              () ->
                  dynamo
                      .createBackup(
                          b -> b.tableName(request.table()).backupName(request.backupName()))
                      .backupDetails()
                      .backupArn());
    }
    context.heartbeat(arn);
    String backupArn = arn;
    while (true) {
      BackupDescription backup =
          NativeFailures.call(
              "DescribeBackup",
              () -> dynamo.describeBackup(b -> b.backupArn(backupArn)).backupDescription());
      BackupStatus status = backup.backupDetails().backupStatus();
      if (status == BackupStatus.AVAILABLE) {
        return backupArn;
      }
      if (status != BackupStatus.CREATING) {
        throw NativeFailures.failed("backup " + backupArn + " ended " + status);
      }
      context.heartbeat(backupArn);
      pause();
    }
  }

  @Override
  public void restoreFromBackup(RestoreFromBackupRequest request) {
    try {
      NativeFailures.call(
          "RestoreTableFromBackup",
          () ->
              dynamo.restoreTableFromBackup(
                  r -> r.backupArn(request.backupArn()).targetTableName(request.targetTable())));
    } catch (TableAlreadyExistsException | TableInUseException exists) {
      RestoreSummary restore = restoreOf(request.targetTable());
      if (restore == null || !request.backupArn().equals(restore.sourceBackupArn())) {
        throw NativeFailures.targetExists(request.targetTable(), "backup " + request.backupArn());
      }
    }
    waitUntilRestored(request.targetTable());
  }

  @Override
  public void restoreToPointInTime(PointInTimeRestoreRequest request) {
    Instant time = request.restoreTime() == null ? null : Instant.parse(request.restoreTime());
    try {
      NativeFailures.call(
          "RestoreTableToPointInTime",
          () ->
              dynamo.restoreTableToPointInTime(
                  r -> {
                    r.sourceTableName(request.sourceTable()).targetTableName(request.targetTable());
                    if (time == null) {
                      r.useLatestRestorableTime(true);
                    } else {
                      r.restoreDateTime(time);
                    }
                  }));
    } catch (TableAlreadyExistsException | TableInUseException exists) {
      RestoreSummary restore = restoreOf(request.targetTable());
      boolean same =
          restore != null
              && restore.sourceTableArn() != null
              && restore.sourceTableArn().endsWith(":table/" + request.sourceTable())
              && (time == null || time.equals(restore.restoreDateTime()));
      if (!same) {
        throw NativeFailures.targetExists(
            request.targetTable(),
            "table " + request.sourceTable() + " at " + (time == null ? "latest" : time));
      }
    }
    waitUntilRestored(request.targetTable());
  }

  @Override
  public void deleteTable(String table) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    try {
      NativeFailures.call("DeleteTable", () -> dynamo.deleteTable(d -> d.tableName(table)));
    } catch (ResourceNotFoundException gone) {
      return;
    }
    while (describe(table).isPresent()) {
      context.heartbeat("DELETING");
      pause();
    }
  }

  /** ACTIVE with no restore in progress; a table that turns up in any other end state fails. */
  private void waitUntilRestored(String table) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    while (true) {
      // DescribeTable can lag a moment behind the restore call: keep asking.
      Optional<TableDescription> described = describe(table);
      TableStatus status = described.map(TableDescription::tableStatus).orElse(null);
      boolean restoring =
          described
              .map(TableDescription::restoreSummary)
              .map(r -> Boolean.TRUE.equals(r.restoreInProgress()))
              .orElse(false);
      if (status == TableStatus.ACTIVE && !restoring) {
        return;
      }
      if (status != null
          && status != TableStatus.CREATING
          && status != TableStatus.UPDATING
          && status != TableStatus.ACTIVE) {
        throw NativeFailures.failed("restored table " + table + " ended " + status);
      }
      context.heartbeat(status == null ? "PENDING" : status.toString());
      pause();
    }
  }

  private RestoreSummary restoreOf(String table) {
    return describe(table).map(TableDescription::restoreSummary).orElse(null);
  }

  private Optional<TableDescription> describe(String table) {
    try {
      return Optional.of(
          NativeFailures.call(
              "DescribeTable", () -> dynamo.describeTable(d -> d.tableName(table)).table()));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The newest USER backup of the table with this name that is not deleted. */
  private Optional<String> existingBackup(String table, String name) {
    String from = null;
    Optional<BackupSummary> newest = Optional.empty();
    do {
      String start = from;
      ListBackupsResponse page =
          NativeFailures.call(
              "ListBackups",
              () ->
                  dynamo.listBackups(
                      l ->
                          l.tableName(table)
                              .backupType(BackupTypeFilter.USER)
                              .exclusiveStartBackupArn(start)));
      for (BackupSummary backup : page.backupSummaries()) {
        if (name.equals(backup.backupName())
            && backup.backupStatus() != BackupStatus.DELETED
            && newest
                .map(n -> n.backupCreationDateTime().isBefore(backup.backupCreationDateTime()))
                .orElse(true)) {
          newest = Optional.of(backup);
        }
      }
      from = page.lastEvaluatedBackupArn();
    } while (from != null);
    return newest.map(BackupSummary::backupArn);
  }

  private void pause() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while waiting", "Interrupted");
    }
  }
}
