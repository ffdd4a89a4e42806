package io.orderflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationProgress;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.Progress;
import io.orderflow.testing.LocalAws;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbOperationsRegistryTest {
  final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  final TableNames tables = LocalAws.freshTables();
  final DynamoDbOperationsRegistry registry;

  DynamoDbOperationsRegistryTest() {
    new TableBootstrap(dynamo).createMissing(tables);
    registry = new DynamoDbOperationsRegistry(dynamo, tables, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    dynamo.close();
  }

  OperationStart start(String id, String runId) {
    return new OperationStart(
        id, OperationKind.BACKUP, "alice", Map.of("segments", 4), "backup-1", runId);
  }

  @Test
  @DisplayName(
      "a start recorded by the API and again by the workflow keeps the first start time and adds the run id")
  void startIsIdempotent() {
    registry.recordStart(start("op-1", null));
    String startedAt = registry.find("op-1").orElseThrow().startedAt();

    registry.recordStart(start("op-1", "run-1"));

    OperationRecord op = registry.find("op-1").orElseThrow();
    assertThat(op.status()).isEqualTo("RUNNING");
    assertThat(op.startedAt()).isEqualTo(startedAt);
    assertThat(op.runId()).isEqualTo("run-1");
    assertThat(op.parameters()).containsEntry("segments", 4);
    assertThat(op.startedBy()).isEqualTo("alice");
  }

  @Test
  @DisplayName("progress, then a finish, are recorded; a later finish or progress changes nothing")
  void finalIsFinal() {
    registry.recordStart(start("op-2", "run-2"));
    registry.recordProgress(new OperationProgress("op-2", new Progress("EXPORTING_EVENTS", 1, 9)));
    assertThat(registry.find("op-2").orElseThrow().phase()).isEqualTo("EXPORTING_EVENTS");

    registry.recordFinish(
        new OperationFinish(
            "op-2",
            OperationStatus.SUCCEEDED,
            new Progress("DONE", 9, 9),
            Map.of("orders", 3),
            null));
    registry.recordFinish(
        new OperationFinish(
            "op-2", OperationStatus.FAILED, new Progress("FAILED", 9, 9), Map.of(), "late"));
    registry.recordProgress(new OperationProgress("op-2", new Progress("EXPORTING_EVENTS", 1, 9)));

    OperationRecord op = registry.find("op-2").orElseThrow();
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.done()).isEqualTo(9);
    assertThat(op.result()).containsEntry("orders", 3);
    assertThat(op.finishedAt()).isNotNull();
    assertThat(op.error()).isNull();
  }

  @Test
  @DisplayName("an unknown operation is not found, and the list shows the newest first")
  void findAndList() throws InterruptedException {
    registry.recordStart(start("op-a", "r"));
    Thread.sleep(5); // distinct start times
    registry.recordStart(start("op-b", "r"));

    assertThat(registry.find("nope")).isEmpty();
    assertThat(registry.list(10))
        .extracting(OperationRecord::operationId)
        .containsExactly("op-b", "op-a");
  }
}
