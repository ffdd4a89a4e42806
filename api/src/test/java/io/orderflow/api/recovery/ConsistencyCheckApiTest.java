package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import io.orderflow.workers.config.ConsistencyCheckConfiguration;
import io.orderflow.workers.config.RepublishConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /api/recoveries/consistency-check}: what an operator sees, good input and bad. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderflow.dynamodb.tables.events=cc_order_events",
      "orderflow.dynamodb.tables.snapshots=cc_order_snapshots",
      "orderflow.dynamodb.tables.projections=cc_order_projections",
      "orderflow.dynamodb.tables.operations=cc_orderflow_operations",
      "orderflow.dynamodb.tables.control=cc_orderflow_control",
      "orderflow.dynamodb.tables.quarantine=cc_order_quarantine",
      "orderflow.dynamodb.tables.revenue=cc_order_revenue"
    })
@ActiveProfiles("it")
// Until WorkersConfiguration imports them (as it does every other runbook's configuration).
@Import({ConsistencyCheckConfiguration.class, RepublishConfiguration.class})
class ConsistencyCheckApiTest {
  private static final String ORDER =
      "{\"customerId\":\"customer-cc\",\"currency\":\"EUR\","
          + "\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":\"9.90\"}]}";

  @Autowired Environment environment;
  @Autowired DynamoDbClient dynamo;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port());
  }

  @Test
  @DisplayName(
      "a check through the API is accepted with its ids, runs to SUCCEEDED and names the order"
          + " whose projection row is gone; the gauges report it")
  void checkFindsAMissingProjectionRow() throws Exception {
    String orderId = api.post("/api/orders", ORDER).body().get("orderId").asText();
    String table = environment.getRequiredProperty("orderflow.dynamodb.tables.projections");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> row(table, orderId) != null); // the projection caught up
    dynamo.deleteItem(
        r -> r.tableName(table).key(Map.of("orderId", AttributeValue.fromS(orderId))));

    ApiClient.Response started =
        api.post("/api/recoveries/consistency-check", "{\"staleAfterSeconds\":0,\"segments\":2}");

    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().get("workflowId").asText()).startsWith("check-2");
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("CONSISTENCY_CHECK");
    assertThat(op.get("parameters").get("segments").asInt()).isEqualTo(2);
    JsonNode result = op.get("result");
    assertThat(result.get("outcome").asText()).isEqualTo("FINDINGS");
    assertThat(result.get("counts").get("PROJECTION_MISSING").asLong()).isPositive();
    assertThat(result.get("findings").toString()).contains(orderId).contains("PROJECTION_MISSING");
    assertThat(scrape())
        .containsPattern(
            "orderflow_consistency_findings\\{[^}]*kind=\"PROJECTION_MISSING\"[^}]*} [1-9]")
        .contains("orderflow_consistency_last_run_seconds")
        .contains("orderflow_consistency_scheduled");
  }

  @Test
  @DisplayName("no body and an empty object both start a check with the worker's settings")
  void emptyBodiesAreAccepted() {
    ApiClient.Response empty = api.post("/api/recoveries/consistency-check", "{}");
    assertThat(empty.status()).isEqualTo(202);
    assertThat(finished(empty.body().get("operationId").asText()).get("parameters").toString())
        .contains("configured");
  }

  @Test
  @DisplayName("segments out of range, a negative threshold or a body that is not JSON is a 400")
  void invalidBodies() {
    ApiClient.Response segments = api.post("/api/recoveries/consistency-check", "{\"segments\":0}");
    assertThat(segments.status()).isEqualTo(400);
    assertThat(segments.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(segments.body().get("errors").get(0).get("field").asText()).isEqualTo("segments");

    ApiClient.Response stale =
        api.post("/api/recoveries/consistency-check", "{\"staleAfterSeconds\":-1}");
    assertThat(stale.status()).isEqualTo(400);
    assertThat(stale.body().get("errors").get(0).get("field").asText())
        .isEqualTo("staleAfterSeconds");

    ApiClient.Response wrongType =
        api.post("/api/recoveries/consistency-check", "{\"segments\":\"many\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().toString()).contains("segments");

    ApiClient.Response malformed = api.post("/api/recoveries/consistency-check", "{\"segments\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/malformed-request");
  }

  private Map<String, AttributeValue> row(String table, String orderId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  private String scrape() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port() + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private int port() {
    return environment.getRequiredProperty("local.server.port", Integer.class);
  }

  private JsonNode finished(String operationId) {
    return await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> api.get("/api/operations/" + operationId).body(),
            body -> !"RUNNING".equals(body.get("status").asText()));
  }
}
