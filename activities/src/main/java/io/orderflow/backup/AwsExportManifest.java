package io.orderflow.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an export that DynamoDB's ExportTableToPointInTime wrote (DYNAMODB_JSON format): {@code
 * manifest-summary.json} (one JSON object) and {@code manifest-files.json} (one JSON object per
 * line, each naming a data file by its S3 key with its item count and base64 MD5). The result is a
 * table entry of orderflow's own manifest, so restore code reads both kinds of backup the same way.
 * The export is read either in its bucket ({@link S3BackupStore#awsExportTable}) or copied into a
 * local directory that mirrors the bucket.
 */
public final class AwsExportManifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The objects of the bucket the export is in, by key. */
  interface Bucket {
    InputStream open(String key) throws IOException;

    /** The object's size in bytes; 0 when it is missing. */
    long size(String key) throws IOException;
  }

  private AwsExportManifest() {}

  /**
   * @param bucketRoot the directory that stands for the bucket; S3 keys resolve against it
   * @param summaryKey the key of manifest-summary.json, e.g. {@code
   *     AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json}
   * @param role the role the table plays for orderflow ({@code EVENTS} or {@code SNAPSHOTS})
   */
  public static BackupManifest.Table read(Path bucketRoot, String summaryKey, String role) {
    return read(
        new Bucket() {
          @Override
          public InputStream open(String key) throws IOException {
            return Files.newInputStream(bucketRoot.resolve(key));
          }

          @Override
          public long size(String key) throws IOException {
            Path file = bucketRoot.resolve(key);
            return Files.exists(file) ? Files.size(file) : 0;
          }
        },
        summaryKey,
        role);
  }

  static BackupManifest.Table read(Bucket bucket, String summaryKey, String role) {
    try {
      JsonNode summary;
      try (InputStream in = bucket.open(summaryKey)) {
        summary = JSON.readTree(in);
      }
      String format = summary.path("outputFormat").asText("DYNAMODB_JSON");
      if (!"DYNAMODB_JSON".equals(format)) {
        throw new IllegalArgumentException("only DYNAMODB_JSON exports can be read, not " + format);
      }
      List<BackupManifest.DataFile> files = new ArrayList<>();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(
                  bucket.open(summary.get("manifestFilesS3Key").asText()),
                  StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode entry = JSON.readTree(line);
          String key = entry.get("dataFileS3Key").asText();
          files.add(
              new BackupManifest.DataFile(
                  key,
                  entry.get("itemCount").asLong(),
                  null,
                  entry.get("md5Checksum").asText(),
                  bucket.size(key)));
        }
      }
      String tableArn = summary.get("tableArn").asText();
      return new BackupManifest.Table(
          role,
          tableArn.substring(tableArn.lastIndexOf('/') + 1),
          summary.get("itemCount").asLong(),
          files,
          new BackupManifest.AwsExport(
              summary.get("exportArn").asText(),
              tableArn,
              summary.path("exportTime").asText(null),
              summaryKey));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
