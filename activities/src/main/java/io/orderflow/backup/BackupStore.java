package io.orderflow.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Backups in a local directory, one sub-directory per backup in DynamoDB's export layout: {@code
 * <backupId>/<table>/data/<segment>-<part>.json.gz}, {@code <backupId>/orders.json.gz} and, written
 * last so that only a complete backup is listed, {@code <backupId>/manifest.json}.
 */
public final class BackupStore {
  private static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public BackupStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The directory of a backup. Refuses ids that could name anything outside the root. */
  public Path directory(String backupId) {
    if (backupId == null || !BACKUP_ID.matcher(backupId).matches()) {
      throw new IllegalArgumentException("not a backup id: " + backupId);
    }
    return root.resolve(backupId);
  }

  public static String dataFile(String table, int segment, int part) {
    return table + "/data/" + segment + "-" + String.format("%05d", part) + ".json.gz";
  }

  DataFileWriter create(String backupId, String relativePath) {
    return new DataFileWriter(directory(backupId), relativePath);
  }

  /** Deletes a segment's files from {@code fromPart} on: what a crashed run left half-written. */
  void deleteParts(String backupId, String table, int segment, int fromPart) {
    Path data = directory(backupId).resolve(table).resolve("data");
    if (!Files.isDirectory(data)) {
      return;
    }
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(segment + "-")
            && Integer.parseInt(name.substring(name.indexOf('-') + 1, name.indexOf('.')))
                >= fromPart) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the manifest atomically; from then on the backup is listed. */
  public void writeManifest(BackupManifest manifest) {
    Path dir = directory(manifest.backupId());
    try {
      Files.createDirectories(dir);
      Path temp = dir.resolve(BackupManifest.FILE + ".tmp");
      JSON.writeValue(temp.toFile(), manifest);
      Files.move(temp, dir.resolve(BackupManifest.FILE), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<BackupManifest> read(String backupId) {
    try {
      return Optional.of(
          JSON.readValue(
              directory(backupId).resolve(BackupManifest.FILE).toFile(), BackupManifest.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException) {
        return Optional.empty();
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Every complete backup, newest first. */
  public List<BackupManifest> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      List<BackupManifest> manifests = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        if (Files.exists(dir.resolve(BackupManifest.FILE))) {
          read(dir.getFileName().toString()).ifPresent(manifests::add);
        }
      }
      manifests.sort(Comparator.comparing(BackupManifest::createdAt).reversed());
      return manifests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a backup, complete or not. */
  public void delete(String backupId) {
    Path dir = directory(backupId);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the lines of one of a backup's gzipped data files, in order. */
  public void readLines(String backupId, String relativePath, Consumer<String> each) {
    readLines(directory(backupId), relativePath, each);
  }

  /** Whether one of a backup's data files still has the bytes its manifest states. */
  public boolean verify(String backupId, BackupManifest.DataFile file) {
    return verify(directory(backupId), file);
  }

  /** The orders a backup holds and their last versions, from its orders index. */
  public java.util.Map<String, Long> ordersIndex(String backupId) {
    return OrdersIndex.read(directory(backupId));
  }

  /** Reads the lines of a gzipped data file under {@code base}, in order. */
  public static void readLines(Path base, String relativePath, Consumer<String> each) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(base.resolve(relativePath))),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          each.accept(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a data file's stored bytes match the checksum its manifest states. */
  public static boolean verify(Path base, BackupManifest.DataFile file) {
    Path path = base.resolve(file.path());
    if (!Files.exists(path)) {
      return false;
    }
    return file.sha256() != null
        ? file.sha256().equals(Checksums.sha256Hex(path))
        : file.md5() != null && file.md5().equals(Checksums.md5Base64(path));
  }
}
