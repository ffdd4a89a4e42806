package io.orderflow.backup.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.recovery.nativebackup.CreateBackupRequest;
import io.orderflow.recovery.nativebackup.NativeBackupActivities;
import io.orderflow.recovery.nativebackup.PointInTimeRestoreRequest;
import io.orderflow.recovery.nativebackup.RestoreFromBackupRequest;
import io.orderflow.testing.LocalAws;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The native activities as Temporal runs them (default retry policy: retry for ever) against the
 * test dynalite, which answers backups and point-in-time restores with UnknownOperationException.
 */
class NativeBackupOnDynaliteTest {
  final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  final NativeBackupActivities activities;

  NativeBackupOnDynaliteTest() {
    env.registerActivitiesImplementations(
        new DynamoDbNativeBackupActivities(
            dynamo, new DynamoDbNativeBackupActivities.Settings(Duration.ofMillis(50))));
    activities =
        env.newActivityStub(
            NativeBackupActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setHeartbeatTimeout(Duration.ofSeconds(30))
                .build());
  }

  @AfterEach
  void close() {
    env.close();
    dynamo.close();
  }

  static Stream<Arguments> unsupportedCalls() {
    return Stream.of(
        Arguments.of(
            "createBackup",
            (Consumer<NativeBackupActivities>)
                a -> a.createBackup(new CreateBackupRequest("order_events", "nightly"))),
        Arguments.of(
            "restoreFromBackup",
            (Consumer<NativeBackupActivities>)
                a ->
                    a.restoreFromBackup(
                        new RestoreFromBackupRequest(
                            "arn:aws:dynamodb:us-east-1:000000000000:table/order_events/backup/1",
                            "order_events_restored"))),
        Arguments.of(
            "restoreToPointInTime",
            (Consumer<NativeBackupActivities>)
                a ->
                    a.restoreToPointInTime(
                        new PointInTimeRestoreRequest(
                            "order_events", "order_events_restored", null))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedCalls")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DisplayName("a backup or restore against dynalite fails at once, not retried, saying why")
  void unsupportedOperationFailsAtOnce(String name, Consumer<NativeBackupActivities> call) {
    assertThatThrownBy(() -> call.accept(activities))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NativeBackupActivities.UNSUPPORTED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("does not implement")
                  .contains("orderflow.backup.native.enabled=false");
            });
  }

  @Test
  @DisplayName("deleteTable removes a table and returns once it is gone; a second delete is fine")
  void deleteTableRemovesTheTable() {
    String table = "native_" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(
        t ->
            t.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("orderId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("orderId").keyType(KeyType.HASH)));

    activities.deleteTable(table);

    assertThatThrownBy(() -> dynamo.describeTable(d -> d.tableName(table)))
        .isInstanceOf(ResourceNotFoundException.class);
    activities.deleteTable(table);
  }
}
