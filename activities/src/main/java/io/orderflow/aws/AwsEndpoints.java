package io.orderflow.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(overrides())
            .credentialsProvider(credentials(dynamoDb));
    dynamoDb.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public SnsClient snsClient() {
    var builder =
        SnsClient.builder()
            .region(Region.of(region))
            .httpClient(UrlConnectionHttpClient.create())
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
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(overrides())
            .credentialsProvider(credentials(sns));
    sns.ifPresent(builder::endpointOverride);
    return builder.build();
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
