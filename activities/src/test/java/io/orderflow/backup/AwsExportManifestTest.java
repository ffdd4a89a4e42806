package io.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export in the shape DynamoDB's ExportTableToPointInTime writes to S3, mirrored into a
 * directory: the manifests are the documented examples' shape, the data file is gzipped
 * {"Item":...} lines.
 */
class AwsExportManifestTest {
  static final String EXPORT = "AWSDynamoDB/01693685827463-2d8752fd";
  static final String DATA_KEY = EXPORT + "/data/zbdmmcbpqe2rhpmjxcw3jpsmhu.json.gz";
  static final String LINES =
      """
      {"Item":{"orderId":{"S":"o-1"},"version":{"N":"1"},"lastVersion":{"N":"1"}}}
      {"Item":{"orderId":{"S":"o-1"},"version":{"N":"2"},"lastVersion":{"N":"3"}}}
      {"Item":{"orderId":{"S":"o-2"},"version":{"N":"1"},"lastVersion":{"N":"1"}}}
      """;

  @TempDir Path bucket;
  String md5;

  @BeforeEach
  void anExportMirroredFromS3() throws IOException {
    Path data = bucket.resolve(DATA_KEY);
    Files.createDirectories(data.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(data))) {
      out.write(LINES.getBytes(StandardCharsets.UTF_8));
    }
    md5 = Checksums.md5Base64(data);
    Files.writeString(
        bucket.resolve(EXPORT + "/manifest-summary.json"),
        """
        {"version":"2020-06-30",
         "exportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/order_events/export/01693685827463-2d8752fd",
         "startTime":"2023-09-02T20:17:07.463Z","endTime":"2023-09-02T20:22:35.672Z",
         "tableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/order_events",
         "tableId":"b116b490-6460-4d4a-9a6b-5d360abf4fb3",
         "exportTime":"2023-09-02T20:17:07.463Z","s3Bucket":"orderflow-backups","s3Prefix":null,
         "s3SseAlgorithm":"AES256","s3SseKmsKeyId":null,
         "manifestFilesS3Key":"%s/manifest-files.json",
         "billedSizeBytes":0,"itemCount":3,"outputFormat":"DYNAMODB_JSON","exportType":"FULL_EXPORT"}
        """
            .formatted(EXPORT));
    Files.writeString(
        bucket.resolve(EXPORT + "/manifest-files.json"),
        "{\"itemCount\":3,\"md5Checksum\":\"%s\",\"etag\":\"af83d6f217c19b8b0fff8023d8ca4716-1\",\"dataFileS3Key\":\"%s\"}\n"
            .formatted(md5, DATA_KEY));
  }

  @Test
  @DisplayName("an AWS export reads as a manifest table with its files, counts and MD5s")
  void readsTheAwsManifests() {
    BackupManifest.Table table =
        AwsExportManifest.read(bucket, EXPORT + "/manifest-summary.json", "EVENTS");

    assertThat(table.tableName()).isEqualTo("order_events");
    assertThat(table.itemCount()).isEqualTo(3);
    assertThat(table.awsExport().exportArn()).endsWith("/export/01693685827463-2d8752fd");
    assertThat(table.files())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.path()).isEqualTo(DATA_KEY);
              assertThat(file.itemCount()).isEqualTo(3);
              assertThat(file.md5()).isEqualTo(md5);
              assertThat(file.sha256()).isNull();
            });
  }

  @Test
  @DisplayName("its data files verify against AWS's MD5 and read with the same line reader")
  void dataFilesVerifyAndRead() {
    BackupManifest.DataFile file =
        AwsExportManifest.read(bucket, EXPORT + "/manifest-summary.json", "EVENTS").files().get(0);

    assertThat(BackupStore.verify(bucket, file)).isTrue();
    assertThat(BackupFiles.items(bucket, file.path()))
        .extracting(BackupFiles::key)
        .containsExactly("o-1#1", "o-1#2", "o-2#1");
  }

  @Test
  @DisplayName("a tampered data file fails verification")
  void tamperedFileFailsVerification() throws IOException {
    BackupManifest.DataFile file =
        AwsExportManifest.read(bucket, EXPORT + "/manifest-summary.json", "EVENTS").files().get(0);
    Files.write(bucket.resolve(DATA_KEY), new byte[] {1, 2, 3});

    assertThat(BackupStore.verify(bucket, file)).isFalse();
  }
}
