package io.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.backup.BackupTable;
import io.orderflow.recovery.backup.ManifestRequest;
import io.orderflow.recovery.backup.SegmentExport;
import io.orderflow.recovery.backup.SegmentRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A backup of 300 commits of 60 orders in 4 segments, against the test dynalite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupExportTest {
  static final int ORDERS = 60;
  static final int COMMITS = 5;
  static final int SEGMENTS = 4;

  final BackupFixture fixture = new BackupFixture();
  @TempDir static Path root;
  DirectoryBackupStore store;
  BackupManifest manifest;
  BackupResult result;

  @BeforeAll
  void backUp() {
    fixture.fillEvents(ORDERS, COMMITS);
    store = new DirectoryBackupStore(root);
    SegmentExporter exporter =
        new SegmentExporter(fixture.dynamo, store, new SegmentExporter.Settings(25, 40));
    List<SegmentExport> exports = new ArrayList<>();
    for (BackupTable table : BackupTable.values()) {
      String name =
          table == BackupTable.EVENTS ? fixture.tables.events() : fixture.tables.snapshots();
      for (int segment = 0; segment < SEGMENTS; segment++) {
        exports.add(
            exporter.export(
                new SegmentRequest("b-1", table, segment, SEGMENTS), name, null, beat -> {}));
      }
    }
    result =
        fixture
            .activities(root, SegmentExporter.Settings.defaults())
            .writeManifest(new ManifestRequest("b-1", "2026-01-01T00:00:00Z", "op-1", exports));
    manifest = store.read("b-1").orElseThrow();
  }

  @AfterAll
  void close() {
    fixture.close();
  }

  @Test
  @DisplayName("the manifest counts every item once, per table")
  void manifestCountsEveryItem() {
    assertThat(manifest.tables())
        .extracting(BackupManifest.Table::role, BackupManifest.Table::itemCount)
        .containsExactly(tuple("EVENTS", (long) ORDERS * COMMITS), tuple("SNAPSHOTS", 0L));
    assertThat(result.items()).containsEntry(fixture.tables.events(), (long) ORDERS * COMMITS);
  }

  @Test
  @DisplayName("each data file has as many lines as the manifest says and its SHA-256")
  void filesMatchTheirManifestEntries() {
    Path dir = store.directory("b-1");
    List<BackupManifest.DataFile> files = manifest.tables().get(0).files();
    assertThat(files).hasSizeGreaterThan(SEGMENTS); // several parts per segment at 40 items a file
    for (BackupManifest.DataFile file : files) {
      assertThat(BackupFiles.items(dir, file.path())).hasSize((int) file.itemCount());
      assertThat(Checksums.sha256Hex(dir.resolve(file.path()))).isEqualTo(file.sha256());
      assertThat(BackupStore.verify(dir, file)).isTrue();
      assertThat(file.path()).matches(fixture.tables.events() + "/data/[0-3]-\\d{5}\\.json\\.gz");
    }
  }

  @Test
  @DisplayName("the files hold every commit of the table exactly once")
  void everyCommitExactlyOnce() {
    Path dir = store.directory("b-1");
    Set<String> keys = new HashSet<>();
    long lines = 0;
    for (BackupManifest.DataFile file : manifest.tables().get(0).files()) {
      for (var item : BackupFiles.items(dir, file.path())) {
        keys.add(BackupFiles.key(item));
        lines++;
      }
    }
    assertThat(lines).isEqualTo(ORDERS * COMMITS);
    assertThat(keys).hasSize(ORDERS * COMMITS);
  }

  @Test
  @DisplayName("the orders index names every order with its last version")
  void ordersIndexHoldsLastVersions() {
    Map<String, Long> index = OrdersIndex.read(store.directory("b-1"));

    assertThat(index).hasSize(ORDERS).containsEntry("o-00000", (long) COMMITS);
    assertThat(index.values()).containsOnly((long) COMMITS);
    assertThat(manifest.ordersIndex().orders()).isEqualTo(ORDERS);
    assertThat(Checksums.sha256Hex(store.directory("b-1").resolve(OrdersIndex.FILE)))
        .isEqualTo(manifest.ordersIndex().sha256());
  }

  @Test
  @DisplayName("the store lists the backup once its manifest is written")
  void storeListsTheBackup() {
    assertThat(store.list()).extracting(BackupManifest::backupId).containsExactly("b-1");
  }
}
