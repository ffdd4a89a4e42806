package io.orderflow.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Puts a finished local file into S3: one PutObject carrying the file's SHA-256, so S3 refuses
 * bytes that differ from those the manifest describes; past the threshold a multipart upload (CRC32
 * per part), aborted if any part fails so no orphaned parts are billed.
 */
final class S3Uploads {
  private static final String GZIP = "application/gzip";

  private final S3Client s3;
  private final String bucket;
  private final S3BackupStore.Settings settings;

  S3Uploads(S3Client s3, String bucket, S3BackupStore.Settings settings) {
    this.s3 = s3;
    this.bucket = bucket;
    this.settings = settings;
  }

  /**
   * @param sha256Hex the file's SHA-256 as the writer computed it
   */
  void upload(String key, Path file, String sha256Hex) {
    try {
      if (Files.size(file) < settings.multipartThreshold()) {
        s3.putObject(
            put ->
                put.bucket(bucket)
                    .key(key)
                    .contentType(GZIP)
                    .checksumSHA256(Checksums.hexToBase64(sha256Hex)),
            RequestBody.fromFile(file));
      } else {
        multipart(key, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void multipart(String key, Path file) throws IOException {
    String uploadId =
        s3.createMultipartUpload(
                create ->
                    create
                        .bucket(bucket)
                        .key(key)
                        .contentType(GZIP)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32))
            .uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buffer = new byte[settings.partSize()];
      try (InputStream in = Files.newInputStream(file)) {
        for (int read = in.readNBytes(buffer, 0, buffer.length);
            read > 0;
            read = in.readNBytes(buffer, 0, buffer.length)) {
          int number = parts.size() + 1;
          UploadPartResponse part =
              s3.uploadPart(
                  upload ->
                      upload
                          .bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(number)
                          .checksumAlgorithm(ChecksumAlgorithm.CRC32),
                  RequestBody.fromByteBuffer(ByteBuffer.wrap(buffer, 0, read)));
          parts.add(
              CompletedPart.builder()
                  .partNumber(number)
                  .eTag(part.eTag())
                  .checksumCRC32(part.checksumCRC32())
                  .build());
        }
      }
      s3.completeMultipartUpload(
          complete ->
              complete
                  .bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(upload -> upload.parts(parts)));
    } catch (IOException | RuntimeException e) {
      try {
        s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
