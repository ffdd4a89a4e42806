package io.orderflow.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.orderflow.recovery.backup.ExportedFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Backups in a local directory, one sub-directory per backup. Data files are written in place; a
 * crashed export's partial file is removed by the retry ({@link #deleteParts}).
 */
public final class DirectoryBackupStore implements BackupStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final DataFileWriter.Destination IN_PLACE =
      new DataFileWriter.Destination() {
        @Override
        public void store(Path written, ExportedFile described) {}

        @Override
        public void abandon(Path written) {}
      };

  private final Path root;

  public DirectoryBackupStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The directory of a backup. Refuses ids that could name anything outside the root. */
  public Path directory(String backupId) {
    return root.resolve(BackupIds.require(backupId));
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public DataFileWriter create(String backupId, String relativePath) {
    return new DataFileWriter(directory(backupId).resolve(relativePath), relativePath, IN_PLACE);
  }

  @Override
  public void deleteParts(String backupId, String table, int segment, int fromPart) {
    Path data = directory(backupId).resolve(table).resolve("data");
    if (!Files.isDirectory(data)) {
      return;
    }
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (DataFileNames.isPartFrom(name, segment, fromPart)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
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

  @Override
  public Optional<BackupManifest> read(String backupId) {
    if (!BackupStore.isBackupId(backupId)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          JSON.readValue(
              directory(backupId).resolve(BackupManifest.FILE).toFile(), BackupManifest.class));
    } catch (NoSuchFileException | FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
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

  @Override
  public void delete(String backupId) {
    Path dir = directory(backupId);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      Files.deleteIfExists(dir.resolve(BackupManifest.FILE));
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void readLines(String backupId, String relativePath, Consumer<String> each) {
    BackupStore.readLines(directory(backupId), relativePath, each);
  }

  @Override
  public boolean verify(String backupId, BackupManifest.DataFile file) {
    return BackupStore.verify(directory(backupId), file);
  }

  @Override
  public Map<String, Long> ordersIndex(String backupId) {
    return OrdersIndex.read(this, backupId);
  }
}
