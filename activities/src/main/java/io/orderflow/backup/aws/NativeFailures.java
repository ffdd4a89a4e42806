package io.orderflow.backup.aws;

import io.orderflow.recovery.nativebackup.NativeBackupActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Turns DynamoDB's answers that no retry can change into non-retryable failures with the stable
 * types {@link NativeBackupActivities} documents; throttling, limits and server errors stay plain
 * exceptions, which Temporal retries.
 */
final class NativeFailures {
  private static final Set<String> INVALID =
      Set.of("ValidationException", "SerializationException", "AccessDeniedException");

  private NativeFailures() {}

  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (TableNotFoundException | BackupNotFoundException e) {
      throw nonRetryable(NativeBackupActivities.NOT_FOUND, operation, e);
    } catch (PointInTimeRecoveryUnavailableException
        | InvalidRestoreTimeException
        | ContinuousBackupsUnavailableException e) {
      throw nonRetryable(NativeBackupActivities.INVALID_REQUEST, operation, e);
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if ("UnknownOperationException".equals(code)) {
        throw ApplicationFailure.newNonRetryableFailureWithCause(
            "native backups are not available: DynamoDB at this endpoint does not implement "
                + operation
                + " (dynalite has no backups or point-in-time recovery, DESIGN.md §8); use the"
                + " export backup, or set orderflow.backup.native.enabled=false",
            NativeBackupActivities.UNSUPPORTED,
            e);
      }
      if (INVALID.contains(code)) {
        throw nonRetryable(NativeBackupActivities.INVALID_REQUEST, operation, e);
      }
      throw e;
    }
  }

  static ApplicationFailure failed(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, NativeBackupActivities.FAILED);
  }

  static ApplicationFailure targetExists(String table, String wanted) {
    return ApplicationFailure.newNonRetryableFailure(
        "table " + table + " exists and is not a restore of " + wanted + ": choose a new name",
        NativeBackupActivities.TARGET_EXISTS);
  }

  private static ApplicationFailure nonRetryable(
      String type, String operation, DynamoDbException e) {
    String detail =
        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return ApplicationFailure.newNonRetryableFailureWithCause(
        operation + " refused: " + detail, type, e);
  }
}
