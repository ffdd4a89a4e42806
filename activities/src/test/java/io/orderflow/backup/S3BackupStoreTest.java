package io.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.recovery.backup.BackupTable;
import io.orderflow.recovery.backup.ExportedFile;
import io.orderflow.recovery.backup.ManifestRequest;
import io.orderflow.recovery.backup.SegmentExport;
import io.orderflow.recovery.backup.SegmentRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Backups in a bucket of the test fauxqs under a key prefix, written by the real exporter from 200
 * commits on the test dynalite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3BackupStoreTest {
  static final int ORDERS = 40;
  static final int COMMITS = 5;
  static final int SEGMENTS = 2;
  static final String PREFIX = "backups/prod/";

  final BackupFixture fixture = new BackupFixture();
  final LocalS3 local = new LocalS3();
  @TempDir static Path staging;
  S3BackupStore store;

  @BeforeAll
  void fill() {
    fixture.fillEvents(ORDERS, COMMITS);
    store = new S3BackupStore(local.s3, local.bucket, "/backups/prod/", settings(64 << 20));
  }

  @AfterAll
  void close() {
    fixture.close();
    local.close();
  }

  @Test
  @DisplayName("a backup written to S3 is listed, verifies, and reads back item for item")
  void backupInS3ReadsBackItemForItem() throws IOException {
    BackupManifest manifest = backUp("b-s3");

    assertThat(store.list()).extracting(BackupManifest::backupId).contains("b-s3");
    assertThat(store.read("b-s3")).contains(manifest);
    List<BackupManifest.DataFile> files = manifest.tables().get(0).files();
    Set<String> keys = new HashSet<>();
    long lines = 0;
    for (BackupManifest.DataFile file : files) {
      assertThat(store.verify("b-s3", file)).as(file.path()).isTrue();
      List<Map<String, AttributeValue>> items = items("b-s3", file.path());
      assertThat(items).hasSize((int) file.itemCount());
      items.forEach(item -> keys.add(BackupFiles.key(item)));
      lines += items.size();
    }
    assertThat(lines).isEqualTo(ORDERS * COMMITS);
    assertThat(keys).hasSize(ORDERS * COMMITS);
    assertThat(store.ordersIndex("b-s3")).hasSize(ORDERS).containsEntry("o-00000", (long) COMMITS);
    List<String> expected = new ArrayList<>();
    files.forEach(f -> expected.add(PREFIX + "b-s3/" + f.path()));
    expected.add(PREFIX + "b-s3/" + OrdersIndex.FILE);
    expected.add(PREFIX + "b-s3/" + BackupManifest.FILE);
    assertThat(local.keys(PREFIX + "b-s3/")).containsExactlyInAnyOrderElementsOf(expected);
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).as("staging files left behind").isEmpty();
    }
  }

  @Test
  @DisplayName("an object whose bytes changed, or that is gone, fails verification")
  void tamperedObjectFailsVerification() {
    BackupManifest manifest = backUp("b-tamper");
    List<BackupManifest.DataFile> files = manifest.tables().get(0).files();
    BackupManifest.DataFile tampered = files.get(0);
    BackupManifest.DataFile deleted = files.get(1);
    byte[] other = local.get(store.key("b-tamper", files.get(2).path()));

    local.put(store.key("b-tamper", tampered.path()), other);
    local.s3.deleteObject(d -> d.bucket(local.bucket).key(store.key("b-tamper", deleted.path())));

    assertThat(store.verify("b-tamper", tampered)).isFalse();
    assertThat(store.verify("b-tamper", deleted)).isFalse();
    assertThat(store.verify("b-tamper", files.get(2))).isTrue();
    assertThatThrownBy(() -> items("b-tamper", deleted.path()))
        .hasMessageContaining(store.key("b-tamper", deleted.path()));
  }

  @Test
  @DisplayName("delete removes every object under the backup's prefix and nothing of another")
  void deleteRemovesEveryObjectOfTheBackup() {
    backUp("b-1");
    backUp("b-10"); // shares the key prefix "b-1"

    store.delete("b-1");

    assertThat(local.keys(PREFIX + "b-1/")).isEmpty();
    assertThat(store.read("b-1")).isEmpty();
    assertThat(store.list()).extracting(BackupManifest::backupId).doesNotContain("b-1");
    assertThat(store.list()).extracting(BackupManifest::backupId).contains("b-10");
    assertThat(
            store.verify("b-10", store.read("b-10").orElseThrow().tables().get(0).files().get(0)))
        .isTrue();
    store.delete("b-1"); // nothing left to delete is fine
  }

  @Test
  @DisplayName("a backup without its manifest has objects in the bucket but is not listed")
  void incompleteBackupIsNotListed() {
    List<SegmentExport> exports = exportEvents("b-partial");

    assertThat(exports).flatExtracting(SegmentExport::files).isNotEmpty();
    assertThat(local.keys(PREFIX + "b-partial/")).isNotEmpty();
    assertThat(store.list()).extracting(BackupManifest::backupId).doesNotContain("b-partial");
    assertThat(store.read("b-partial")).isEmpty();
  }

  @Test
  @DisplayName("an export stopped half-way and resumed leaves exactly the resumed files in S3")
  void resumedExportLeavesOnlyItsFiles() {
    SegmentExporter exporter =
        new SegmentExporter(fixture.dynamo, store, new SegmentExporter.Settings(10, 30));
    SegmentRequest request = new SegmentRequest("b-resume", BackupTable.EVENTS, 0, 1);
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
    // a later part that an earlier, dead attempt had already put
    local.put(
        store.key("b-resume", BackupStore.dataFile(table, 0, last.nextPart() + 1)), new byte[1]);

    SegmentExport resumed = exporter.export(request, table, last, beat -> {});

    assertThat(local.keys(PREFIX + "b-resume/"))
        .containsExactlyInAnyOrderElementsOf(
            resumed.files().stream().map(f -> store.key("b-resume", f.path())).toList());
    Set<String> keys = new HashSet<>();
    for (ExportedFile file : resumed.files()) {
      items("b-resume", file.path()).forEach(item -> keys.add(BackupFiles.key(item)));
    }
    assertThat(keys).hasSize(ORDERS * COMMITS);
    assertThat(resumed.items()).isEqualTo(ORDERS * COMMITS);
  }

  @Test
  @DisplayName("a data file past the multipart threshold goes up in parts and verifies")
  void bigFileGoesUpInParts() {
    S3BackupStore parts = new S3BackupStore(local.s3, local.bucket, PREFIX, settings(5 << 20));
    ExportedFile written;
    try (DataFileWriter out = parts.create("b-big", "order_events/data/0-00000.json.gz")) {
      for (int i = 0; i < 15_000; i++) { // ~11 MiB of base64 noise: parts of 5, 5 and 1 MiB
        out.write(
            Map.of(
                "orderId", AttributeValue.fromS("o-" + i),
                "version", AttributeValue.fromN("1"),
                "noise", AttributeValue.fromS(noise(i))));
      }
      written = out.finish();
    }
    BackupManifest.DataFile file =
        new BackupManifest.DataFile(
            written.path(), written.items(), written.sha256(), null, written.bytes());

    assertThat(written.bytes()).isGreaterThan(10L << 20);
    assertThat(
            local
                .s3
                .headObject(h -> h.bucket(local.bucket).key(parts.key("b-big", file.path())))
                .eTag())
        .endsWith("-3\"");
    assertThat(parts.verify("b-big", file)).isTrue();
    assertThat(items("b-big", file.path())).hasSize(15_000);
  }

  @Test
  @DisplayName("the store rejects ids that are not backup ids and finds nothing for them")
  void refusesBadIds() {
    assertThat(store.read("../b-s3")).isEmpty();
    assertThatThrownBy(() -> store.delete("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the local bootstrap creates a missing bucket and leaves an existing one as it is")
  void createsAMissingBucket() {
    String fresh = local.bucket + "-new";
    S3BackupStore bootstrapped = new S3BackupStore(local.s3, fresh, PREFIX);

    bootstrapped.createBucketIfMissing();
    bootstrapped.writeManifest(manifest("b-boot"));
    bootstrapped.createBucketIfMissing();

    assertThat(bootstrapped.list()).extracting(BackupManifest::backupId).containsExactly("b-boot");
    bootstrapped.delete("b-boot");
    local.s3.deleteBucket(b -> b.bucket(fresh));
  }

  private static BackupManifest manifest(String backupId) {
    return new BackupManifest(
        BackupManifest.FORMAT_VERSION,
        backupId,
        "2026-01-01T00:00:00Z",
        "orderflow",
        null,
        List.of(),
        null);
  }

  private BackupManifest backUp(String backupId) {
    List<SegmentExport> exports = exportEvents(backupId);
    fixture
        .activities(store, SegmentExporter.Settings.defaults())
        .writeManifest(new ManifestRequest(backupId, "2026-01-01T00:00:00Z", "op-1", exports));
    return store.read(backupId).orElseThrow();
  }

  /** Both tables, segment by segment, 40 items a file: several files per segment. */
  private List<SegmentExport> exportEvents(String backupId) {
    SegmentExporter exporter =
        new SegmentExporter(fixture.dynamo, store, new SegmentExporter.Settings(25, 40));
    List<SegmentExport> exports = new ArrayList<>();
    for (BackupTable table : BackupTable.values()) {
      String name =
          table == BackupTable.EVENTS ? fixture.tables.events() : fixture.tables.snapshots();
      for (int segment = 0; segment < SEGMENTS; segment++) {
        exports.add(
            exporter.export(
                new SegmentRequest(backupId, table, segment, SEGMENTS), name, null, beat -> {}));
      }
    }
    return exports;
  }

  private List<Map<String, AttributeValue>> items(String backupId, String path) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    store.readLines(backupId, path, line -> items.add(DynamoDbJson.parseLine(line)));
    return items;
  }

  private static S3BackupStore.Settings settings(long threshold) {
    return new S3BackupStore.Settings(threshold, 5 << 20, staging);
  }

  /** 1 KiB that gzip cannot shrink much, different for every item. */
  private static String noise(int seed) {
    java.util.Random random = new java.util.Random(seed);
    byte[] bytes = new byte[768];
    random.nextBytes(bytes);
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }
}
