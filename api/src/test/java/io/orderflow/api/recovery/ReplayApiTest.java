package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/recoveries/replay}: a dry run by default, and every bad body refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ReplayApiTest {
  private static final String ORDER =
      "{\"customerId\":\"customer-r\",\"currency\":\"EUR\","
          + "\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":\"9.90\"}]}";

  @Autowired Environment environment;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  @Test
  @DisplayName("a replay of named orders is a dry run unless told, and reports each one examined")
  void dryRunByDefault() {
    String a = api.post("/api/orders", ORDER).body().get("orderId").asText();
    String b = api.post("/api/orders", ORDER).body().get("orderId").asText();

    ApiClient.Response started =
        api.post("/api/recoveries/replay", "{\"orderIds\":[\"" + a + "\",\"" + b + "\"]}");

    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().get("dryRun").asBoolean()).isTrue();
    assertThat(started.body().get("workflowId").asText()).startsWith("replay-");
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("REPLAY");
    assertThat(op.get("result").get("examined").asInt()).isEqualTo(2);
    assertThat(op.get("result").get("changedCount").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "neither or both of orderIds and a range, a bad instant, a reversed or too long range: 400")
  void badBodies() {
    assertBad("{}", "orderIds");
    assertBad("{\"orderIds\":[\"x\"],\"from\":\"2026-11-26T00:00:00Z\"}", "orderIds");
    assertBad("{\"orderIds\":[]}", "orderIds");
    assertBad("{\"from\":\"yesterday\",\"to\":\"2026-11-26T00:00:00Z\"}", "from");
    assertBad("{\"from\":\"2026-11-26T00:00:00Z\"}", "to");
    assertBad("{\"from\":\"2026-11-26T00:00:00Z\",\"to\":\"2026-11-25T00:00:00Z\"}", "to");
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    assertBad("{\"from\":\"" + from + "\",\"to\":\"" + from.plus(Duration.ofDays(8)) + "\"}", "to");
    ApiClient.Response malformed = api.post("/api/recoveries/replay", "{\"orderIds\":[");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/malformed-request");
  }

  private void assertBad(String body, String field) {
    ApiClient.Response response = api.post("/api/recoveries/replay", body);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(response.body().toString()).as(body).contains(field);
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
