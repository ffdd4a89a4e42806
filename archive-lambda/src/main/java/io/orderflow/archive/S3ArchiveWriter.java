package io.orderflow.archive;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Puts archive objects into the bucket; the bucket's default KMS key encrypts them. */
final class S3ArchiveWriter {

  private final S3Client s3;
  private final String bucket;

  S3ArchiveWriter(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Region and credentials come from the Lambda environment (AWS_REGION, the function's role). */
  static S3ArchiveWriter fromEnvironment(String bucket) {
    S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    return new S3ArchiveWriter(s3, bucket);
  }

  void write(ArchiveBatch.ArchiveObject object) {
    s3.putObject(
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(object.key())
            .contentType("application/gzip")
            .build(),
        RequestBody.fromBytes(object.gzipped()));
  }
}
