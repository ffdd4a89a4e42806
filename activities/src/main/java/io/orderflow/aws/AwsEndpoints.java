package io.orderflow.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the AWS clients connect. An empty endpoint means real AWS with the default credential
 * chain; an endpoint (dynalite, fauxqs) means local emulators with dummy credentials.
 */
public record AwsEndpoints(
    String region, Optional<URI> dynamoDb, Optional<URI> sns, Duration apiCallTimeout) {

  /**
   * Connections each client keeps open. Above the commands, local activities and recovery scans a
   * worker runs at once, so a call never opens a connection of its own under load: the JDK's
   * URLConnection client, used before, kept 5 idle connections per host and opened a new one for
   * every call beyond them (docs/decisions.md, "A pooled HTTP client for DynamoDB and SNS").
   */
  static final int MAX_CONNECTIONS = 64;

  public static AwsEndpoints local(String dynamoDb, String sns) {
    return new AwsEndpoints(
        "us-east-1",
        Optional.of(URI.create(dynamoDb)),
        Optional.of(URI.create(sns)),
        Duration.ofSeconds(5));
  }

  public DynamoDbClient dynamoDbClient() {
    var builder =
        DynamoDbClient.builder()
            .region(Region.of(region))
            .httpClient(pooledHttpClient())
            .overrideConfiguration(overrides())
            .credentialsProvider(credentials(dynamoDb));
    dynamoDb.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public SnsClient snsClient() {
    var builder =
        SnsClient.builder()
            .region(Region.of(region))
            .httpClient(pooledHttpClient())
            .overrideConfiguration(overrides())
            .credentialsProvider(credentials(sns));
    sns.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** fauxqs serves SQS on the same port as SNS. */
  public SqsClient sqsClient() {
    var builder =
        SqsClient.builder()
            .region(Region.of(region))
            .httpClient(pooledHttpClient())
            .overrideConfiguration(overrides())
            .credentialsProvider(credentials(sns));
    sns.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static SdkHttpClient pooledHttpClient() {
    return Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS).build();
  }

  private ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder().apiCallTimeout(apiCallTimeout).build();
  }

  private static AwsCredentialsProvider credentials(Optional<URI> endpoint) {
    return endpoint.isPresent()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build();
  }
}
