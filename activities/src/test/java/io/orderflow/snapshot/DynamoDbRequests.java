package io.orderflow.snapshot;

import io.orderflow.eventstore.dynamodb.TableNames;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A client of the test dynalite that notes every request it sends as {@code "<Operation> <table>"},
 * with the table named by its role ({@code events}, {@code snapshots}), so that a test can say how
 * many round trips a load took.
 */
final class DynamoDbRequests implements ExecutionInterceptor {
  private final TableNames tables;
  private final List<String> sent = new CopyOnWriteArrayList<>();
  final DynamoDbClient client;

  DynamoDbRequests(TableNames tables) {
    this.tables = tables;
    this.client =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(
                URI.create(System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000")))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(this))
            .build();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String table = context.request().getValueForField("TableName", String.class).orElse("");
    String role =
        table.equals(tables.events())
            ? "events"
            : table.equals(tables.snapshots()) ? "snapshots" : table;
    sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + role);
  }

  /** The requests sent since the last call, oldest first. */
  List<String> take() {
    List<String> taken = List.copyOf(sent);
    sent.clear();
    return taken;
  }
}
