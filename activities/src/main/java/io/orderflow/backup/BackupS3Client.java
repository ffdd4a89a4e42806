package io.orderflow.backup;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client of the backup store. Without an endpoint: real S3, the default credential chain.
 * With one (fauxqs locally, which serves S3 on its SNS port): dummy credentials and path-style
 * URLs, since {@code <bucket>.127.0.0.1} resolves nowhere.
 */
public final class BackupS3Client {
  private BackupS3Client() {}

  /**
   * @param apiCallTimeout per call, retries included: a 64 MiB part takes far longer than a
   *     DynamoDB call, so this is not the DynamoDB client's timeout
   */
  public static S3Client create(String region, Optional<URI> endpoint, Duration apiCallTimeout) {
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.apiCallTimeout(apiCallTimeout));
    if (endpoint.isPresent()) {
      builder
          .endpointOverride(endpoint.get())
          .forcePathStyle(true)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }
}
