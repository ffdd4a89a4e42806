package io.orderflow.recovery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.orderflow.eventstore.dynamodb.CommitHash;
import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.operations.OperationRecord;
import io.orderflow.order.Order;
import io.orderflow.order.OrderDelivered;
import io.orderflow.order.OrderStatus;
import io.orderflow.orderrecovery.QuarantineStore;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.Progress;
import io.orderflow.snapshot.SnapshotStore;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Single-order recovery repairing real damage: the real backup and recovery workflows and
 * activities, against the test dynalite.
 */
class SingleOrderRecoveryWorkflowTest {
  @TempDir Path root;
  RecoveryHarness harness;
  OrderFixture local;
  String orderId;
  List<StoredCommit> original;
  String backupId;

  @BeforeEach
  void backedUpOrder() {
    harness = new RecoveryHarness(root).start();
    local = harness.local;
    orderId = local.shippedOrder();
    local.shippedOrder(); // another order in the same backup files
    original = local.commits(orderId);
    backupId = harness.backup();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  @DisplayName(
      "deleted commits are restored: the stream, its hash chain and the fold equal the original")
  void restoresDeletedCommits() {
    Order before = local.folded(orderId);
    local.delete(orderId, 2);
    local.delete(orderId, 4);

    OrderRecoveryReport report = harness.recover("op-a", orderId, null, false);

    assertThat(report.backupId()).isEqualTo(backupId);
    assertThat(report.restored()).containsExactly(2L, 4L);
    assertThat(report.quarantined()).isEmpty();
    assertThat(report.unchanged()).containsExactly(1L);
    assertThat(report.violations()).isEmpty();
    assertThat(local.commits(orderId)).isEqualTo(original);
    assertThat(local.events.verify(orderId)).isEmpty();
    assertThat(local.folded(orderId)).isEqualTo(before);
    assertThat(report.snapshotVersion()).isEqualTo(4);
    assertThat(local.snapshots.latest(orderId).map(SnapshotStore.StoredSnapshot::version))
        .contains(4L);
    assertThat(local.projection.get(orderId).orElseThrow().status()).isEqualTo("SHIPPED");
    OperationRecord op = harness.operation("op-a");
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.kind()).isEqualTo("ORDER_RECOVERY");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.result())
        .containsEntry("backupId", backupId)
        .containsEntry("restored", List.of(2, 4))
        .containsEntry("quarantined", List.of())
        .containsEntry("snapshotVersion", 4)
        .containsEntry("dryRun", false);
  }

  @Test
  @DisplayName("a recovery reports its phases, progress and the order in its search attributes")
  void showsItselfInTemporal() {
    local.delete(orderId, 4);
    SingleOrderRecoveryWorkflow workflow = harness.workflow(orderId);
    workflow.run(new OrderRecoveryInput("op-ui", orderId, null, false, "tester"));

    assertThat(workflow.progress()).isEqualTo(new Progress("DONE", 6, 6));
    var attributes = RecoveryHarness.stub(workflow).describe().getTypedSearchAttributes();
    assertThat(attributes.get(OperationSearchAttributes.OPERATION)).isEqualTo("ORDER_RECOVERY");
    assertThat(attributes.get(OperationSearchAttributes.PHASE)).isEqualTo("DONE");
    assertThat(attributes.get(OperationSearchAttributes.ORDER_ID)).isEqualTo(orderId);
  }

  @Test
  @DisplayName("the history of a recovery that repaired something replays against today's code")
  void historyReplays() throws Exception {
    local.delete(orderId, 2);
    local.alter(orderId, 4, "DHL", "UPS");
    SingleOrderRecoveryWorkflow workflow = harness.workflow(orderId);
    workflow.run(new OrderRecoveryInput("op-replay", orderId, null, false, "tester"));
    String workflowId = RecoveryHarness.stub(workflow).getExecution().getWorkflowId();

    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory(workflowId), SingleOrderRecoveryWorkflowImpl.class);
  }

  @Test
  @DisplayName(
      "an altered live commit is quarantined with its reason and the backup's copy put back")
  void quarantinesAnAlteredCommit() {
    Map<String, AttributeValue> altered = local.alter(orderId, 4, "DHL", "UPS");

    OrderRecoveryReport report = harness.recover("op-b", orderId, null, false);

    assertThat(report.restored()).isEmpty();
    assertThat(report.quarantined())
        .extracting(QuarantinedCommit::version, QuarantinedCommit::reason)
        .containsExactly(tuple(4L, QuarantineReason.HASH_MISMATCH));
    assertThat(local.commits(orderId)).isEqualTo(original);
    List<Map<String, AttributeValue>> quarantined = local.quarantine.items(orderId);
    assertThat(quarantined).hasSize(1);
    Map<String, AttributeValue> q = quarantined.get(0);
    assertThat(q.get("reason").s()).isEqualTo("HASH_MISMATCH");
    assertThat(q.get("operationId").s()).isEqualTo("op-b");
    assertThat(q.get("replacedBy").s()).isEqualTo(original.get(2).hash());
    assertThat(q.get("quarantineKey").s())
        .isEqualTo(report.quarantined().get(0).quarantineKey())
        .startsWith("0000000000000000004#")
        .endsWith("#" + original.get(2).hash().substring(0, 12));
    assertThat(QuarantineStore.original(q)).isEqualTo(altered);
  }

  @Test
  @DisplayName("a re-hashed forgery of a live commit is quarantined as differing from the backup")
  void quarantinesAForgery() {
    StoredCommit shipped = original.get(2);
    StoredEvent event = shipped.events().get(0);
    StoredCommit forged =
        new StoredCommit(
            orderId,
            shipped.version(),
            shipped.lastVersion(),
            "forged",
            List.of(
                new StoredEvent(
                    event.version(),
                    event.eventId(),
                    event.type(),
                    event.schemaVersion(),
                    event.occurredAt(),
                    event.data().replace("DHL", "UPS"))),
            shipped.metadata(),
            shipped.committedAt(),
            shipped.prevHash(),
            "",
            false);
    StoredCommit signed =
        new StoredCommit(
            orderId,
            forged.version(),
            forged.lastVersion(),
            forged.commitId(),
            forged.events(),
            forged.metadata(),
            forged.committedAt(),
            forged.prevHash(),
            CommitHash.of(forged),
            false);
    local.put(CommitItems.toItem(signed));

    OrderRecoveryReport report = harness.recover("op-forged", orderId, null, false);

    assertThat(report.quarantined())
        .extracting(QuarantinedCommit::reason)
        .containsExactly(QuarantineReason.DIFFERS_FROM_BACKUP);
    assertThat(local.commits(orderId)).isEqualTo(original);
    assertThat(local.quarantine.items(orderId).get(0).get("commitId").s()).isEqualTo("forged");
  }

  @Test
  @DisplayName("commits appended after the backup are kept and verified with the restored ones")
  void keepsNewerCommits() {
    local.append(orderId, new OrderDelivered());
    List<StoredCommit> withNewer = local.commits(orderId);
    local.delete(orderId, 2);

    OrderRecoveryReport report = harness.recover("op-c", orderId, null, false);

    assertThat(report.restored()).containsExactly(2L);
    assertThat(report.kept()).containsExactly(5L);
    assertThat(report.verification()).isNull();
    assertThat(report.snapshotVersion()).isEqualTo(5);
    assertThat(local.commits(orderId)).isEqualTo(withNewer);
    assertThat(local.events.verify(orderId)).isEmpty();
    assertThat(local.folded(orderId).status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(harness.operation("op-c").result()).containsEntry("kept", List.of(5));
  }

  @Test
  @DisplayName("a second recovery changes nothing and says so")
  void secondRunChangesNothing() {
    local.delete(orderId, 2);
    local.alter(orderId, 4, "T-1", "T-9");
    harness.recover("op-first", orderId, null, false);
    List<StoredCommit> repaired = local.commits(orderId);
    SnapshotStore.StoredSnapshot snapshot = local.snapshots.latest(orderId).orElseThrow();
    int quarantined = local.quarantine.items(orderId).size();

    OrderRecoveryReport second = harness.recover("op-second", orderId, null, false);

    assertThat(second.restored()).isEmpty();
    assertThat(second.quarantined()).isEmpty();
    assertThat(second.unchanged()).containsExactly(1L, 2L, 4L);
    assertThat(second.snapshotWritten()).isFalse();
    assertThat(local.commits(orderId)).isEqualTo(repaired).isEqualTo(original);
    assertThat(local.snapshots.latest(orderId)).contains(snapshot);
    assertThat(local.quarantine.items(orderId)).hasSize(quarantined);
    assertThat(harness.operation("op-second").result())
        .containsEntry("restored", List.of())
        .containsEntry("quarantined", List.of());
  }
}
