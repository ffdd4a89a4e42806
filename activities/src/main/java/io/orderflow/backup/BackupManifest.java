package io.orderflow.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code <backupId>/manifest.json}: what a backup holds and how to check it. The same shape can
 * describe an export AWS wrote ({@code source = "aws-export"}): each table then points at its AWS
 * manifest and its files carry AWS's MD5 instead of a SHA-256 (docs/runbooks/backup.md).
 *
 * @param source {@code orderflow} for a backup this code wrote, {@code aws-export} otherwise
 * @param ordersIndex the orders the events export holds and their last versions; null for AWS
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(
    int formatVersion,
    String backupId,
    String createdAt,
    String source,
    String operationId,
    List<Table> tables,
    OrdersIndexFile ordersIndex) {
  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "manifest.json";

  public long items() {
    return tables.stream().mapToLong(Table::itemCount).sum();
  }

  public int fileCount() {
    return tables.stream().mapToInt(t -> t.files().size()).sum();
  }

  public long bytes() {
    return tables.stream().flatMap(t -> t.files().stream()).mapToLong(DataFile::bytes).sum();
  }

  /**
   * @param role {@code EVENTS} or {@code SNAPSHOTS}
   * @param awsExport where AWS's own manifest is, for a table exported by AWS; null otherwise
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Table(
      String role, String tableName, long itemCount, List<DataFile> files, AwsExport awsExport) {}

  /**
   * @param path relative to the backup's root (for AWS: the S3 key relative to the bucket)
   * @param sha256 hex SHA-256 of the stored bytes; null in an AWS export
   * @param md5 base64 MD5 of the stored bytes as AWS states it; null in ours
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DataFile(String path, long itemCount, String sha256, String md5, long bytes) {}

  public record OrdersIndexFile(String path, long orders, String sha256) {}

  /** The AWS export a table came from: its manifest-summary.json key and the export's ids. */
  public record AwsExport(
      String exportArn, String tableArn, String exportTime, String manifestSummaryKey) {}
}
