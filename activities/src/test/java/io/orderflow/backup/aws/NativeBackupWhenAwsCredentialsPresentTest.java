package io.orderflow.backup.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.recovery.nativebackup.CreateBackupRequest;
import io.orderflow.recovery.nativebackup.NativeBackupActivities;
import io.orderflow.recovery.nativebackup.PointInTimeRestoreRequest;
import io.orderflow.recovery.nativebackup.RestoreFromBackupRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * CreateBackup, RestoreTableFromBackup and RestoreTableToPointInTime against real DynamoDB, in
 * order on one small table of its own. Slow (a restore takes minutes) and billed: it runs only with
 * {@code -Dorderflow.it.aws=true} and credentials in the environment ({@link RealAws}).
 */
@EnabledIf("io.orderflow.backup.aws.RealAws#available")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NativeBackupWhenAwsCredentialsPresentTest {
  static final int ITEMS = 10;

  final String run = "orderflow-it-" + UUID.randomUUID().toString().substring(0, 8);
  final String source = run + "-events";
  final List<String> tables = new ArrayList<>(List.of(source));
  DynamoDbClient dynamo;
  TestActivityEnvironment env;
  NativeBackupActivities activities;
  String backupArn;

  @BeforeAll
  void aSmallTableWithPitr() {
    dynamo = RealAws.endpoints().dynamoDbClient();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new DynamoDbNativeBackupActivities(
            dynamo, new DynamoDbNativeBackupActivities.Settings(Duration.ofSeconds(15))));
    activities =
        env.newActivityStub(
            NativeBackupActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofHours(2))
                .setHeartbeatTimeout(Duration.ofMinutes(2))
                .build());
    dynamo.createTable(
        t ->
            t.tableName(source)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("orderId").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("version").attributeType(ScalarAttributeType.N))
                .keySchema(
                    k -> k.attributeName("orderId").keyType(KeyType.HASH),
                    k -> k.attributeName("version").keyType(KeyType.RANGE)));
    dynamo.waiter().waitUntilTableExists(d -> d.tableName(source));
    for (int i = 0; i < ITEMS; i++) {
      String orderId = "o-" + i;
      dynamo.putItem(
          p ->
              p.tableName(source)
                  .item(
                      java.util.Map.of(
                          "orderId", AttributeValue.fromS(orderId),
                          "version", AttributeValue.fromN("1"))));
    }
    dynamo.updateContinuousBackups(
        u ->
            u.tableName(source)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
  }

  @AfterAll
  void cleanUp() {
    if (dynamo == null) {
      return;
    }
    try {
      for (String table : tables) {
        activities.deleteTable(table);
      }
      if (backupArn != null) {
        dynamo.deleteBackup(d -> d.backupArn(backupArn));
      }
    } finally {
      env.close();
      dynamo.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("createBackup returns an AVAILABLE backup; the same name again returns the same one")
  void createsABackupOnce() {
    backupArn = activities.createBackup(new CreateBackupRequest(source, run));

    assertThat(
            dynamo
                .describeBackup(d -> d.backupArn(backupArn))
                .backupDescription()
                .backupDetails()
                .backupStatus())
        .isEqualTo(BackupStatus.AVAILABLE);
    assertThat(activities.createBackup(new CreateBackupRequest(source, run))).isEqualTo(backupArn);
  }

  @Test
  @Order(2)
  @DisplayName("restoreFromBackup makes a new ACTIVE table with every item; again, it only waits")
  void restoresFromTheBackup() {
    String target = run + "-from-backup";
    tables.add(target);

    activities.restoreFromBackup(new RestoreFromBackupRequest(backupArn, target));
    activities.restoreFromBackup(new RestoreFromBackupRequest(backupArn, target));

    assertThat(dynamo.scan(s -> s.tableName(target)).count()).isEqualTo(ITEMS);
  }

  @Test
  @Order(3)
  @DisplayName("restoreToPointInTime to the latest time makes a new table with every item")
  void restoresToPointInTime() {
    String target = run + "-pitr";
    tables.add(target);
    assertThat(
            dynamo
                .describeContinuousBackups(d -> d.tableName(source))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription()
                .pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.ENABLED);

    activities.restoreToPointInTime(new PointInTimeRestoreRequest(source, target, null));

    assertThat(dynamo.scan(s -> s.tableName(target)).count()).isEqualTo(ITEMS);
  }

  @Test
  @Order(4)
  @DisplayName("a restore onto a table that is not its own fails, not retried, as TargetExists")
  void refusesToOverwriteATable() {
    assertThatThrownBy(
            () -> activities.restoreFromBackup(new RestoreFromBackupRequest(backupArn, source)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NativeBackupActivities.TARGET_EXISTS);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }
}
