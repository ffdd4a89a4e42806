package io.orderflow.recovery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.operations.OperationRecord;
import io.orderflow.recovery.backup.BackupTable;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.CanceledFailure;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a recovery must not do: change anything in a dry run, trust a tampered backup, and so on.
 */
class SingleOrderRecoverySafetyTest {
  @TempDir Path root;
  RecoveryHarness harness;

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  @DisplayName("a dry run reports what it would restore and quarantine, and changes nothing")
  void dryRunChangesNothing() {
    harness = new RecoveryHarness(root).start();
    OrderFixture local = harness.local;
    String orderId = local.shippedOrder();
    harness.backup();
    local.delete(orderId, 4);
    local.alter(orderId, 2, "pay-1", "pay-X");
    List<StoredCommit> damaged = local.commits(orderId);

    OrderRecoveryReport report = harness.recover("op-dry", orderId, null, true);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.restored()).containsExactly(4L);
    assertThat(report.quarantined())
        .extracting(QuarantinedCommit::version, QuarantinedCommit::reason)
        .containsExactly(tuple(2L, QuarantineReason.HASH_MISMATCH));
    assertThat(report.snapshotVersion()).isEqualTo(4);
    assertThat(report.snapshotWritten()).isFalse();
    assertThat(report.verification()).isNull();
    assertThat(local.commits(orderId)).isEqualTo(damaged);
    assertThat(local.quarantine.items(orderId)).isEmpty();
    assertThat(local.snapshots.latest(orderId)).isEmpty();
    assertThat(local.projection.get(orderId)).isEmpty();
    OperationRecord op = harness.operation("op-dry");
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.result()).containsEntry("dryRun", true).containsEntry("restored", List.of(4));
  }

  @Test
  @DisplayName(
      "a backup file altered after the backup fails the recovery by name; live is untouched")
  void tamperedBackupFails() throws IOException {
    harness = new RecoveryHarness(root).start();
    OrderFixture local = harness.local;
    String orderId = local.shippedOrder();
    String backupId = harness.backup();
    local.delete(orderId, 2);
    List<StoredCommit> damaged = local.commits(orderId);
    String file = rewriteLinesOf(local.backups, backupId, orderId, "DHL", "UPS");

    SingleOrderRecoveryWorkflow workflow = harness.startRecovery("op-tampered", orderId);

    assertThatThrownBy(
            () ->
                RecoveryHarness.stub(workflow)
                    .getResult(60, TimeUnit.SECONDS, OrderRecoveryReport.class))
        .isInstanceOf(WorkflowFailedException.class);
    OperationRecord op = harness.operation("op-tampered");
    assertThat(op.status()).isEqualTo("FAILED");
    assertThat(op.phase()).isEqualTo("FAILED");
    assertThat(op.error())
        .contains("backup " + backupId)
        .contains(file)
        .contains("does not match the checksum in its manifest");
    assertThat(local.commits(orderId)).isEqualTo(damaged);
    assertThat(local.quarantine.items(orderId)).isEmpty();
  }

  @Test
  @DisplayName("an order no backup holds fails the recovery with that reason")
  void orderInNoBackupFails() {
    harness = new RecoveryHarness(root).start();
    harness.backup();
    String orderId = harness.local.shippedOrder(); // created after the backup

    SingleOrderRecoveryWorkflow workflow = harness.startRecovery("op-nobackup", orderId);

    assertThatThrownBy(
            () ->
                RecoveryHarness.stub(workflow)
                    .getResult(60, TimeUnit.SECONDS, OrderRecoveryReport.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(harness.operation("op-nobackup").error()).startsWith("no backup holds order");
  }

  @Test
  @DisplayName("a cancelled recovery records CANCELLED and leaves the live stream as it was")
  void cancelRecordsCancelled() throws InterruptedException {
    harness = new RecoveryHarness(root);
    StuckComparison stuck = new StuckComparison(harness.local.activities());
    harness.start(stuck);
    OrderFixture local = harness.local;
    String orderId = local.shippedOrder();
    harness.backup();
    local.delete(orderId, 2);
    List<StoredCommit> damaged = local.commits(orderId);
    SingleOrderRecoveryWorkflow workflow = harness.startRecovery("op-cancel", orderId);
    assertThat(stuck.comparing.await(60, TimeUnit.SECONDS)).isTrue();

    RecoveryHarness.stub(workflow).cancel();

    assertThatThrownBy(
            () ->
                RecoveryHarness.stub(workflow)
                    .getResult(60, TimeUnit.SECONDS, OrderRecoveryReport.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(harness.operation("op-cancel").status()).isEqualTo("CANCELLED");
    assertThat(workflow.progress().phase()).isEqualTo("CANCELLED");
    assertThat(local.commits(orderId)).isEqualTo(damaged);
  }

  /** Rewrites the backup's events file holding the order, as someone editing it would. */
  private static String rewriteLinesOf(
      DirectoryBackupStore store, String backupId, String orderId, String from, String to)
      throws IOException {
    BackupManifest manifest = store.read(backupId).orElseThrow();
    for (BackupManifest.Table table : manifest.tables()) {
      if (!BackupTable.EVENTS.name().equals(table.role())) {
        continue;
      }
      for (BackupManifest.DataFile file : table.files()) {
        List<String> lines = new ArrayList<>();
        store.readLines(backupId, file.path(), lines::add);
        if (lines.stream().anyMatch(l -> l.contains(orderId) && l.contains(from))) {
          Path path = store.directory(backupId).resolve(file.path());
          try (Writer out =
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(path)), StandardCharsets.UTF_8)) {
            for (String line : lines) {
              out.write((line.contains(orderId) ? line.replace(from, to) : line) + "\n");
            }
          }
          return file.path();
        }
      }
    }
    throw new IllegalStateException("no events file of " + backupId + " holds " + orderId);
  }
}
