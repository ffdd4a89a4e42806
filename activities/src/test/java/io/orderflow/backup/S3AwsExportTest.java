package io.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An export in the shape ExportTableToPointInTime writes, put into the backup bucket of the test
 * fauxqs where AWS would put it ({@code S3Prefix = exports}), then made a backup by a manifest.
 */
class S3AwsExportTest {
  static final String EXPORT = "exports/AWSDynamoDB/01693685827463-2d8752fd";
  static final String SUMMARY = EXPORT + "/manifest-summary.json";
  static final String DATA_KEY = EXPORT + "/data/zbdmmcbpqe2rhpmjxcw3jpsmhu.json.gz";

  final LocalS3 local = new LocalS3();
  S3BackupStore store;
  byte[] data;

  @BeforeEach
  void anExportInTheBucket() throws IOException {
    store = new S3BackupStore(local.s3, local.bucket, "backups");
    data =
        gzip(
            """
            {"Item":{"orderId":{"S":"o-1"},"version":{"N":"1"},"lastVersion":{"N":"1"}}}
            {"Item":{"orderId":{"S":"o-1"},"version":{"N":"2"},"lastVersion":{"N":"3"}}}
            {"Item":{"orderId":{"S":"o-2"},"version":{"N":"1"},"lastVersion":{"N":"1"}}}
            """);
    local.put(DATA_KEY, data);
    local.put(
        SUMMARY,
        """
        {"version":"2020-06-30",
         "exportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/order_events/export/01693685827463-2d8752fd",
         "tableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/order_events",
         "exportTime":"2023-09-02T20:17:07.463Z","s3Bucket":"orderflow-backups","s3Prefix":"exports",
         "manifestFilesS3Key":"%s/manifest-files.json",
         "itemCount":3,"outputFormat":"DYNAMODB_JSON","exportType":"FULL_EXPORT"}
        """
            .formatted(EXPORT)
            .getBytes(StandardCharsets.UTF_8));
    local.put(
        EXPORT + "/manifest-files.json",
        "{\"itemCount\":3,\"md5Checksum\":\"%s\",\"dataFileS3Key\":\"%s\"}\n"
            .formatted(Checksums.md5Base64(new ByteArrayInputStream(data)), DATA_KEY)
            .getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    local.close();
  }

  @Test
  @DisplayName("an AWS export in the bucket is listed, reads and verifies once a manifest names it")
  void awsExportReadsLikeABackup() {
    BackupManifest.Table table = store.awsExportTable(SUMMARY, "EVENTS");
    store.writeManifest(manifest(table));

    BackupManifest.DataFile file = table.files().get(0);
    assertThat(file.path()).isEqualTo(DATA_KEY);
    assertThat(file.bytes()).isEqualTo(data.length);
    assertThat(store.list()).extracting(BackupManifest::backupId).containsExactly("aws-1");
    assertThat(store.verify("aws-1", file)).isTrue();
    List<String> keys = new ArrayList<>();
    store.readLines(
        "aws-1", file.path(), line -> keys.add(BackupFiles.key(DynamoDbJson.parseLine(line))));
    assertThat(keys).containsExactly("o-1#1", "o-1#2", "o-2#1");
  }

  @Test
  @DisplayName("a changed export data file fails verification against AWS's MD5")
  void tamperedExportFailsVerification() throws IOException {
    BackupManifest.Table table = store.awsExportTable(SUMMARY, "EVENTS");
    store.writeManifest(manifest(table));

    local.put(DATA_KEY, gzip("{\"Item\":{\"orderId\":{\"S\":\"o-9\"}}}\n"));

    assertThat(store.verify("aws-1", table.files().get(0))).isFalse();
  }

  @Test
  @DisplayName("deleting the backup removes its manifest and leaves AWS's export in place")
  void deleteLeavesTheExport() {
    store.writeManifest(manifest(store.awsExportTable(SUMMARY, "EVENTS")));

    store.delete("aws-1");

    assertThat(store.list()).isEmpty();
    assertThat(local.keys("backups/")).isEmpty();
    assertThat(local.keys(EXPORT + "/"))
        .containsExactlyInAnyOrder(SUMMARY, EXPORT + "/manifest-files.json", DATA_KEY);
  }

  private static BackupManifest manifest(BackupManifest.Table table) {
    return new BackupManifest(
        BackupManifest.FORMAT_VERSION,
        "aws-1",
        "2023-09-02T20:17:07.463Z",
        "aws-export",
        null,
        List.of(table),
        null);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
