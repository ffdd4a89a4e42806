package io.orderflow.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Where backups live: a local directory ({@link DirectoryBackupStore}) or an S3 bucket prefix
 * ({@link S3BackupStore}), chosen by {@code orderflow.backup.store}. Both hold the same layout,
 * DynamoDB's export layout: {@code <backupId>/<table>/data/<segment>-<part>.json.gz}, {@code
 * <backupId>/orders.json.gz} and, written last so that only a complete backup is listed, {@code
 * <backupId>/manifest.json}.
 *
 * <p>A backup id is 1–128 letters, digits, {@code .}, {@code _} or {@code -}, starting with a
 * letter or digit; a lookup with any other id finds nothing, a write with one is refused.
 */
public interface BackupStore {

  /** The manifest of a complete backup; empty when there is none (or the id is not an id). */
  Optional<BackupManifest> read(String backupId);

  /** Every complete backup (manifest present), newest first. */
  List<BackupManifest> list();

  /**
   * Writes the manifest, atomically: from then on the backup is listed. Writing it again replaces
   * it.
   */
  void writeManifest(BackupManifest manifest);

  /**
   * Removes a backup, complete or not: the manifest first, so a delete that stops half-way leaves
   * no listed backup with missing files. Nothing to remove is fine.
   */
  void delete(String backupId);

  /**
   * Reads the lines of one of a backup's gzipped data files, in order, skipping blank ones. The
   * path is relative to the backup; for a table its manifest marks as an AWS export ({@code
   * awsExport} set), it is the S3 key relative to the store's bucket (or directory).
   *
   * @throws UncheckedIOException when the file is missing or unreadable
   */
  void readLines(String backupId, String relativePath, Consumer<String> each);

  /**
   * Whether one of a backup's data files still has the bytes its manifest entry states: SHA-256
   * (ours) or MD5 (AWS's). A missing file does not verify.
   */
  boolean verify(String backupId, BackupManifest.DataFile file);

  /** The orders a backup holds and their last versions, from its orders index. */
  Map<String, Long> ordersIndex(String backupId);

  /** Where the store is, for people: a directory, or {@code s3://bucket/prefix/}. */
  String location();

  /**
   * Opens a new data file of a backup. Nothing is stored under the path before {@link
   * DataFileWriter#finish()}; a writer closed without it leaves at most a partial file that {@link
   * #deleteParts} removes.
   */
  DataFileWriter create(String backupId, String relativePath);

  /** Deletes a segment's files from {@code fromPart} on: what a crashed run left half-written. */
  void deleteParts(String backupId, String table, int segment, int fromPart);

  /** The path of a data file within a backup, as DynamoDB's export names them. */
  static String dataFile(String table, int segment, int part) {
    return table + "/data/" + segment + "-" + String.format("%05d", part) + ".json.gz";
  }

  /** Whether a string can name a backup (and nothing outside it). */
  static boolean isBackupId(String backupId) {
    return backupId != null && BackupIds.PATTERN.matcher(backupId).matches();
  }

  /** Reads the lines of a gzipped data file under a local {@code base} directory, in order. */
  static void readLines(Path base, String relativePath, Consumer<String> each) {
    try (InputStream in = Files.newInputStream(base.resolve(relativePath))) {
      readGzipLines(in, each);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a data file under a local {@code base} matches the checksum its manifest states. */
  static boolean verify(Path base, BackupManifest.DataFile file) {
    Path path = base.resolve(file.path());
    if (!Files.exists(path)) {
      return false;
    }
    return file.sha256() != null
        ? file.sha256().equals(Checksums.sha256Hex(path))
        : file.md5() != null && file.md5().equals(Checksums.md5Base64(path));
  }

  /** The non-blank lines of a gzip stream (one or more members), in order. */
  static void readGzipLines(InputStream gzipped, Consumer<String> each) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzipped, 65536), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          each.accept(line);
        }
      }
    }
  }
}
