package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import io.orderflow.workers.config.ConsistencyCheckConfiguration;
import io.orderflow.workers.config.RepublishConfiguration;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/recoveries/republish}: what an operator sees, good input and bad. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderflow.dynamodb.tables.events=rp_order_events",
      "orderflow.dynamodb.tables.snapshots=rp_order_snapshots",
      "orderflow.dynamodb.tables.projections=rp_order_projections",
      "orderflow.dynamodb.tables.operations=rp_orderflow_operations",
      "orderflow.dynamodb.tables.control=rp_orderflow_control",
      "orderflow.dynamodb.tables.quarantine=rp_order_quarantine",
      "orderflow.dynamodb.tables.revenue=rp_order_revenue",
      // its own topic: the range run below sends events again, which other tests need not see
      "orderflow.sns.topic-name=rp-order-events"
    })
@ActiveProfiles("it")
// Until WorkersConfiguration imports them (as it does every other runbook's configuration).
@Import({ConsistencyCheckConfiguration.class, RepublishConfiguration.class})
class RepublishApiTest {
  private static final String PATH = "/api/recoveries/republish";
  private static final String ORDER =
      "{\"customerId\":\"customer-rp\",\"currency\":\"EUR\","
          + "\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":\"9.90\"}]}";

  @Autowired Environment environment;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName(
      "a range republish through the API is accepted with its ids, runs to SUCCEEDED and reports"
          + " the events it sent again")
  void rangeRepublish() {
    Instant from = Instant.now().minusSeconds(5);
    api.post("/api/orders", ORDER);
    String to = Instant.now().plusSeconds(5).toString();

    ApiClient.Response started =
        api.post(PATH, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"eventsPerSecond\":100}");

    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().get("workflowId").asText()).startsWith("republish-2");
    assertThat(started.body().get("source").asText()).isEqualTo("range");
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("REPUBLISH");
    assertThat(op.get("parameters").get("eventsPerSecond").asInt()).isEqualTo(100);
    assertThat(op.get("result").get("outcome").asText()).isEqualTo("SENT");
    assertThat(op.get("result").get("totals").get("events").asLong()).isPositive();
  }

  @Test
  @DisplayName("a dry run of the unpublished index, the default source, sends nothing")
  void dryRunOfTheDefaultSource() {
    ApiClient.Response started = api.post(PATH, "{\"dryRun\":true}");

    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().get("source").asText()).isEqualTo("unpublished");
    assertThat(started.body().get("dryRun").asBoolean()).isTrue();
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    assertThat(op.get("result").get("outcome").asText()).isEqualTo("DRY_RUN");
  }

  @Test
  @DisplayName("the dead-letter source with no queue configured fails, naming the setting")
  void deadLetterSourceNeedsAQueue() {
    ApiClient.Response started = api.post(PATH, "{\"source\":\"dlq\"}");

    assertThat(started.status()).isEqualTo(202);
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).isEqualTo("FAILED");
    assertThat(op.get("error").asText()).contains("orderflow.republish.dead-letter-queue");
  }

  @Test
  @DisplayName(
      "an unknown source, from after to, a missing or unreadable instant, a range too long, a"
          + " range for another source, a pace out of bounds and malformed JSON are 400s naming"
          + " the field")
  void invalidBodies() {
    assertInvalid("{\"source\":\"kafka\"}", "source");
    assertInvalid(
        "{\"source\":\"range\",\"from\":\"2025-01-02T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\"}",
        "from");
    assertInvalid("{\"source\":\"range\",\"from\":\"2025-01-01T00:00:00Z\"}", "to");
    assertInvalid("{\"from\":\"yesterday\",\"to\":\"2025-01-01T00:00:00Z\"}", "from");
    assertInvalid("{\"from\":\"2025-01-01T00:00:00Z\",\"to\":\"2025-01-09T00:00:00Z\"}", "to");
    assertInvalid("{\"source\":\"unpublished\",\"from\":\"2025-01-01T00:00:00Z\"}", "from");
    assertInvalid("{\"eventsPerSecond\":0}", "eventsPerSecond");

    ApiClient.Response malformed = api.post(PATH, "{\"source\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/malformed-request");

    ApiClient.Response wrongType = api.post(PATH, "{\"dryRun\":\"maybe\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().toString()).contains("dryRun");
  }

  private void assertInvalid(String body, String field) {
    ApiClient.Response response = api.post(PATH, body);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(response.body().get("errors").get(0).get("field").asText())
        .as(body)
        .isEqualTo(field);
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
