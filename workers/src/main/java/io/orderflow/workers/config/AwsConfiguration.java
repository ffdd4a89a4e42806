package io.orderflow.workers.config;

import io.orderflow.aws.AwsEndpoints;
import java.net.URI;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

  @Bean
  AwsEndpoints awsEndpoints(OrderflowProperties properties) {
    OrderflowProperties.Aws aws = properties.aws();
    return new AwsEndpoints(
        aws.region(), uri(aws.dynamodbEndpoint()), uri(aws.snsEndpoint()), aws.timeout());
  }

  @Bean(destroyMethod = "close")
  DynamoDbClient dynamoDbClient(AwsEndpoints endpoints) {
    return endpoints.dynamoDbClient();
  }

  @Bean(destroyMethod = "close")
  SnsClient snsClient(AwsEndpoints endpoints) {
    return endpoints.snsClient();
  }

  @Bean(destroyMethod = "close")
  SqsClient sqsClient(AwsEndpoints endpoints) {
    return endpoints.sqsClient();
  }

  private static Optional<URI> uri(String endpoint) {
    return endpoint == null || endpoint.isBlank()
        ? Optional.empty()
        : Optional.of(URI.create(endpoint));
  }
}
