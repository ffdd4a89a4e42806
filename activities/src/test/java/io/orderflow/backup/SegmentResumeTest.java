package io.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.recovery.backup.BackupTable;
import io.orderflow.recovery.backup.ExportedFile;
import io.orderflow.recovery.backup.SegmentExport;
import io.orderflow.recovery.backup.SegmentRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A segment export stopped half-way resumes from its last checkpoint, item for item. */
class SegmentResumeTest {
  final BackupFixture fixture = new BackupFixture();
  @TempDir Path root;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  @DisplayName(
      "an export stopped after some pages and resumed from its last heartbeat holds each item once")
  void resumesWithoutDuplicatesOrGaps() throws IOException {
    fixture.fillEvents(40, 5);
    DirectoryBackupStore store = new DirectoryBackupStore(root);
    SegmentExporter exporter =
        new SegmentExporter(fixture.dynamo, store, new SegmentExporter.Settings(10, 30));
    SegmentRequest request = new SegmentRequest("b-r", BackupTable.EVENTS, 0, 1);
    String table = fixture.tables.events();
    List<ExportCheckpoint> beats = new ArrayList<>();

    assertThatThrownBy(
            () ->
                exporter.export(
                    request,
                    table,
                    null,
                    beat -> {
                      beats.add(beat);
                      if (beats.size() == 8) {
                        throw new IllegalStateException("worker killed");
                      }
                    }))
        .hasMessage("worker killed");
    ExportCheckpoint last = beats.get(beats.size() - 1);
    assertThat(last.files()).isNotEmpty(); // some files were finished before the crash
    assertThat(last.itemsScanned()).isGreaterThan(last.itemsWritten()); // and one was half-written

    SegmentExport resumed = exporter.export(request, table, last, beat -> {});

    Path dir = store.directory("b-r");
    assertThat(resumed.files()).startsWith(last.files().toArray(ExportedFile[]::new));
    Set<String> keys = new HashSet<>();
    long lines = 0;
    for (ExportedFile file : resumed.files()) {
      assertThat(Checksums.sha256Hex(dir.resolve(file.path()))).isEqualTo(file.sha256());
      for (var item : BackupFiles.items(dir, file.path())) {
        keys.add(BackupFiles.key(item));
        lines++;
      }
    }
    assertThat(lines).isEqualTo(200);
    assertThat(keys).hasSize(200);
    assertThat(resumed.items()).isEqualTo(200);
    try (Stream<Path> onDisk = Files.list(dir.resolve(table).resolve("data"))) {
      assertThat(onDisk.map(p -> table + "/data/" + p.getFileName()))
          .containsExactlyInAnyOrderElementsOf(
              resumed.files().stream().map(ExportedFile::path).toList());
    }
  }
}
