package io.orderflow.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.orderflow.recovery.backup.ExportedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in an S3 bucket under a key prefix: {@code <prefix>/<backupId>/...}, the same layout as
 * the directory store. A data file is written to a local staging file and put when it is finished
 * (multipart past {@link Settings#multipartThreshold()}); the manifest is one PutObject, which S3
 * makes visible whole or not at all. A table its manifest marks as an AWS export names its files by
 * key relative to the bucket, so an export {@code ExportTableToPointInTime} wrote into the same
 * bucket reads and verifies like a backup of ours ({@link #awsExportTable}).
 */
public final class S3BackupStore implements BackupStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int DELETE_BATCH = 1000;

  /**
   * @param multipartThreshold files from this size on go up in parts (S3: at most 5 GiB in one put)
   * @param partSize bytes per part (S3: at least 5 MiB, except the last); held in memory per upload
   * @param staging the local directory for files being written
   */
  public record Settings(long multipartThreshold, int partSize, Path staging) {
    public static Settings defaults() {
      return new Settings(
          64L * 1024 * 1024,
          16 * 1024 * 1024,
          Path.of(System.getProperty("java.io.tmpdir"), "orderflow-backup-staging"));
    }
  }

  private final S3Client s3;
  private final String bucket;
  private final String root;
  private final Settings settings;
  private final S3Uploads uploads;

  /**
   * @param prefix the key prefix the backups live under; empty for the bucket's top level
   */
  public S3BackupStore(S3Client s3, String bucket, String prefix, Settings settings) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("the S3 backup store needs a bucket");
    }
    this.s3 = s3;
    this.bucket = bucket;
    String trimmed = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    this.root = trimmed.isEmpty() ? "" : trimmed + "/";
    this.settings = settings;
    this.uploads = new S3Uploads(s3, bucket, settings);
  }

  public S3BackupStore(S3Client s3, String bucket, String prefix) {
    this(s3, bucket, prefix, Settings.defaults());
  }

  /**
   * Creates the bucket unless it exists: for the local stack's bootstrap. In AWS the bucket is
   * provisioned (with encryption, versioning and lifecycle) and this is never called.
   */
  public void createBucketIfMissing() {
    try {
      s3.headBucket(head -> head.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(create -> create.bucket(bucket));
    }
  }

  /** The key of a file of a backup (ours, not an AWS export's). */
  public String key(String backupId, String relativePath) {
    return root + BackupIds.require(backupId) + "/" + relativePath;
  }

  @Override
  public String location() {
    return "s3://" + bucket + "/" + root;
  }

  @Override
  public DataFileWriter create(String backupId, String relativePath) {
    String key = key(backupId, relativePath);
    Path staged;
    try {
      Files.createDirectories(settings.staging());
      staged = Files.createTempFile(settings.staging(), "part-", ".json.gz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DataFileWriter(
        staged,
        relativePath,
        new DataFileWriter.Destination() {
          @Override
          public void store(Path written, ExportedFile described) {
            uploads.upload(key, written, described.sha256());
            deleteStaged(written);
          }

          @Override
          public void abandon(Path written) {
            deleteStaged(written);
          }
        });
  }

  @Override
  public void deleteParts(String backupId, String table, int segment, int fromPart) {
    String dataPrefix = key(backupId, table + "/data/");
    List<String> keys = new ArrayList<>();
    for (S3Object object : objects(dataPrefix + segment + "-")) {
      if (DataFileNames.isPartFrom(
          object.key().substring(dataPrefix.length()), segment, fromPart)) {
        keys.add(object.key());
      }
    }
    deleteKeys(keys);
  }

  @Override
  public void writeManifest(BackupManifest manifest) {
    try {
      s3.putObject(
          put ->
              put.bucket(bucket)
                  .key(key(manifest.backupId(), BackupManifest.FILE))
                  .contentType("application/json"),
          RequestBody.fromBytes(JSON.writeValueAsBytes(manifest)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<BackupManifest> read(String backupId) {
    if (!BackupStore.isBackupId(backupId)) {
      return Optional.empty();
    }
    try (InputStream in =
        s3.getObject(get -> get.bucket(bucket).key(key(backupId, BackupManifest.FILE)))) {
      return Optional.of(JSON.readValue(in, BackupManifest.class));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<BackupManifest> list() {
    List<BackupManifest> manifests = new ArrayList<>();
    for (CommonPrefix backup :
        s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(root).delimiter("/"))
            .commonPrefixes()) {
      String id = backup.prefix().substring(root.length(), backup.prefix().length() - 1);
      read(id).ifPresent(manifests::add);
    }
    manifests.sort(Comparator.comparing(BackupManifest::createdAt).reversed());
    return manifests;
  }

  @Override
  public void delete(String backupId) {
    String manifest = key(backupId, BackupManifest.FILE);
    s3.deleteObject(delete -> delete.bucket(bucket).key(manifest));
    List<String> keys = new ArrayList<>();
    objects(key(backupId, "")).forEach(object -> keys.add(object.key()));
    deleteKeys(keys);
  }

  @Override
  public void readLines(String backupId, String relativePath, Consumer<String> each) {
    try (InputStream in = open(backupId, relativePath)) {
      BackupStore.readGzipLines(in, each);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean verify(String backupId, BackupManifest.DataFile file) {
    try (InputStream in = open(backupId, file.path())) {
      return file.sha256() != null
          ? file.sha256().equals(Checksums.sha256Hex(in))
          : file.md5() != null && file.md5().equals(Checksums.md5Base64(in));
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, Long> ordersIndex(String backupId) {
    return OrdersIndex.read(this, backupId);
  }

  /**
   * Reads an export that DynamoDB's ExportTableToPointInTime wrote into this store's bucket as a
   * manifest table; put it into a manifest with {@code source = "aws-export"} and {@link
   * #writeManifest} makes the export a backup like any other (its files stay where AWS put them,
   * and {@link #delete} leaves them there).
   *
   * @param summaryKey the key of the export's manifest-summary.json, relative to the bucket
   * @param role {@code EVENTS} or {@code SNAPSHOTS}
   */
  public BackupManifest.Table awsExportTable(String summaryKey, String role) {
    return AwsExportManifest.read(
        new AwsExportManifest.Bucket() {
          @Override
          public InputStream open(String key) throws IOException {
            return get(key);
          }

          @Override
          public long size(String key) {
            try {
              return s3.headObject(head -> head.bucket(bucket).key(key)).contentLength();
            } catch (NoSuchKeyException e) {
              return 0;
            }
          }
        },
        summaryKey,
        role);
  }

  /**
   * A backup's file: ours under the backup's prefix; an AWS export's (named in a manifest table
   * with {@code awsExport}) by its key in the bucket.
   */
  private InputStream open(String backupId, String relativePath) throws IOException {
    boolean awsExport =
        read(backupId).stream()
            .flatMap(m -> m.tables().stream())
            .filter(t -> t.awsExport() != null)
            .flatMap(t -> t.files().stream())
            .anyMatch(f -> f.path().equals(relativePath));
    return get(awsExport ? relativePath : key(backupId, relativePath));
  }

  private InputStream get(String key) throws NoSuchFileException {
    try {
      return s3.getObject(get -> get.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException("s3://" + bucket + "/" + key);
    }
  }

  private Iterable<S3Object> objects(String prefix) {
    return s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents();
  }

  private void deleteKeys(List<String> keys) {
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch =
          keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      var response =
          s3.deleteObjects(
              delete -> delete.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
      if (response.hasErrors() && !response.errors().isEmpty()) {
        throw new IllegalStateException(
            "S3 refused to delete "
                + response.errors().size()
                + " objects in s3://"
                + bucket
                + ", first: "
                + response.errors().get(0).key()
                + " ("
                + response.errors().get(0).code()
                + ")");
      }
    }
  }

  private static void deleteStaged(Path staged) {
    try {
      Files.deleteIfExists(staged);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
