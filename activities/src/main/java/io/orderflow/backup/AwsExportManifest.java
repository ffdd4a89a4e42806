package io.orderflow.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an export that DynamoDB's ExportTableToPointInTime wrote (DYNAMODB_JSON format), copied
 * from S3 into a local directory that mirrors the bucket: {@code manifest-summary.json} (one JSON
 * object) and {@code manifest-files.json} (one JSON object per line, each naming a data file by its
 * S3 key with its item count and base64 MD5). The result is a table entry of orderflow's own
 * manifest, so restore code reads both kinds of backup the same way.
 */
public final class AwsExportManifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsExportManifest() {}

  /**
   * @param bucketRoot the directory that stands for the bucket; S3 keys resolve against it
   * @param summaryKey the key of manifest-summary.json, e.g. {@code
   *     AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json}
   * @param role the role the table plays for orderflow ({@code EVENTS} or {@code SNAPSHOTS})
   */
  public static BackupManifest.Table read(Path bucketRoot, String summaryKey, String role) {
    JsonNode summary = readJson(bucketRoot.resolve(summaryKey));
    String format = summary.path("outputFormat").asText("DYNAMODB_JSON");
    if (!"DYNAMODB_JSON".equals(format)) {
      throw new IllegalArgumentException("only DYNAMODB_JSON exports can be read, not " + format);
    }
    List<BackupManifest.DataFile> files = new ArrayList<>();
    Path filesManifest = bucketRoot.resolve(summary.get("manifestFilesS3Key").asText());
    try {
      for (String line : Files.readAllLines(filesManifest)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode entry = JSON.readTree(line);
        String key = entry.get("dataFileS3Key").asText();
        Path data = bucketRoot.resolve(key);
        files.add(
            new BackupManifest.DataFile(
                key,
                entry.get("itemCount").asLong(),
                null,
                entry.get("md5Checksum").asText(),
                Files.exists(data) ? Files.size(data) : 0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
