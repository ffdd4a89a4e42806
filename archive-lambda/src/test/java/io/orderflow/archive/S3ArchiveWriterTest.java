package io.orderflow.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Runs against real S3, and only where the environment names credentials and a test bucket. */
class S3ArchiveWriterTest {

  @Test
  void writesGzippedLinesToS3WhenAwsCredentialsPresent() {
    String bucket = System.getenv("ORDERFLOW_ARCHIVE_TEST_BUCKET");
    // Environment only: probing the default chain would call the EC2 metadata endpoint.
    boolean credentials =
        System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null;
    assumeTrue(
        credentials && bucket != null && System.getenv("AWS_REGION") != null,
        "needs AWS credentials, AWS_REGION and ORDERFLOW_ARCHIVE_TEST_BUCKET");

    try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      var objects =
          ArchiveBatch.of(
              List.of(Records.commit("o-it", 1, "1", Instant.now())),
              "orderflow-test/" + System.nanoTime() + "/",
              Instant.now());
      var object = objects.get(0);

      new S3ArchiveWriter(s3, bucket).write(object);

      byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
      s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
      assertArrayEquals(object.gzipped(), stored);
    }
  }
}
