package io.orderflow.backup;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A fresh bucket on the test fauxqs (-Dorderflow.it.sns: fauxqs serves S3 on its SNS port), so
 * tests never see each other's objects.
 */
final class LocalS3 implements AutoCloseable {
  final S3Client s3 =
      BackupS3Client.create(
          "us-east-1",
          Optional.of(URI.create(System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"))),
          Duration.ofSeconds(30));
  final String bucket = "orderflow-it-" + UUID.randomUUID().toString().substring(0, 8);

  LocalS3() {
    s3.createBucket(b -> b.bucket(bucket));
  }

  /** Every key in the bucket under a prefix, in key order. */
  List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix))
        .contents()
        .forEach(o -> keys.add(o.key()));
    return keys;
  }

  void put(String key, byte[] bytes) {
    s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  byte[] get(String key) {
    return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
  }

  @Override
  public void close() {
    for (S3Object object :
        s3.listObjectsV2Paginator(l -> l.bucket(bucket)).contents().stream().toList()) {
      s3.deleteObject(d -> d.bucket(bucket).key(object.key()));
    }
    s3.deleteBucket(b -> b.bucket(bucket));
    s3.close();
  }
}
