package io.orderflow.recovery.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DirectoryBackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.DynamoDbJson;
import io.orderflow.backup.ExportCheckpoint;
import io.orderflow.backup.SegmentExporter;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment export as Temporal runs it: a first attempt dies after some heartbeats (left with a
 * half-written file); the retry runs as an activity that gets the last heartbeat's details and
 * finishes the segment without a duplicate or a gap.
 */
class SegmentExportResumeTest {
  final LocalTables local = new LocalTables().fill(50, 4);
  @TempDir Path root;
  static final SegmentExporter.Settings SETTINGS = new SegmentExporter.Settings(7, 20);
  TestActivityEnvironment retry = TestActivityEnvironment.newInstance();

  @AfterEach
  void close() {
    retry.close();
    local.close();
  }

  BackupActivities stub(TestActivityEnvironment env) {
    env.registerActivitiesImplementations(
        new DynamoDbBackupActivities(
            local.dynamo, local.tables, new DirectoryBackupStore(root), SETTINGS));
    return env.newActivityStub(
        BackupActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .build());
  }

  @Test
  @DisplayName(
      "a killed segment export resumes from its last heartbeat with every item exactly once")
  void resumesFromTheLastHeartbeat() {
    // The first attempt: the same exporter, stopped by a "kill" after its tenth heartbeat.
    List<ExportCheckpoint> beats = new ArrayList<>();
    SegmentRequest request = new SegmentRequest("b-resume", BackupTable.EVENTS, 0, 1);
    SegmentExporter exporter =
        new SegmentExporter(local.dynamo, new DirectoryBackupStore(root), SETTINGS);
    assertThatThrownBy(
        () ->
            exporter.export(
                request,
                local.tables.events(),
                null,
                beat -> {
                  beats.add(beat);
                  if (beats.size() == 10) {
                    throw new IllegalStateException("worker killed mid-way");
                  }
                }));
    ExportCheckpoint last = beats.get(beats.size() - 1);
    assertThat(last.files()).isNotEmpty();
    assertThat(last.finished()).isFalse();
    List<ExportCheckpoint> retryBeats = new ArrayList<>();
    retry.setActivityHeartbeatListener(ExportCheckpoint.class, retryBeats::add);

    // as the server hands it back: through Temporal's JSON payload converter
    DataConverter json = DefaultDataConverter.STANDARD_INSTANCE;
    retry.setHeartbeatDetails(
        json.fromPayload(
            json.toPayload(last).orElseThrow(), ExportCheckpoint.class, ExportCheckpoint.class));
    SegmentExport export = stub(retry).exportSegment(request);

    assertThat(export.files().subList(0, last.files().size())).isEqualTo(last.files());
    Set<String> keys = new HashSet<>();
    List<String> lines = new ArrayList<>();
    Path dir = root.resolve("b-resume");
    for (ExportedFile file : export.files()) {
      BackupStore.readLines(dir, file.path(), lines::add);
    }
    lines.forEach(
        line -> {
          var item = DynamoDbJson.parseLine(line);
          keys.add(item.get("orderId").s() + "#" + item.get("version").n());
        });
    assertThat(lines).hasSize(200);
    assertThat(keys).hasSize(200);
    assertThat(export.items()).isEqualTo(200);
    assertThat(retryBeats).isNotEmpty().allMatch(b -> b.itemsScanned() > last.itemsWritten());
  }
}
