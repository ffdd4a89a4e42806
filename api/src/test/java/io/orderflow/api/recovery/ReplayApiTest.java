package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.order.LineItem;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderCreated;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderRefunded;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
  @Autowired DynamoDbEventStore store;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
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
      "a history with a refund above what was paid: the dry run shows the correction it would"
          + " append, the real run appends it, and the order shows the corrected amount")
  void correctionsInTheReport() throws Exception {
    String orderId = overRefundedOrder();
    String body = "{\"orderIds\":[\"" + orderId + "\"]";

    JsonNode dry =
        finished(api.post("/api/recoveries/replay", body + "}").body().get("operationId").asText());
    JsonNode would = dry.get("result").get("corrections").get(0);
    assertThat(would.get("outcome").asText()).as(dry.toString()).isEqualTo("would-append");
    assertThat(would.get("correctsVersion").asLong()).isEqualTo(4);
    assertThat(would.get("rule").asText()).isEqualTo("refund-within-paid");
    assertThat(would.get("amountRefunded").asText()).isEqualTo("9.90");
    assertThat(dry.get("result").get("correctionsWouldAppend").asInt()).isEqualTo(1);

    JsonNode real =
        finished(
            api.post("/api/recoveries/replay", body + ",\"dryRun\":false}")
                .body()
                .get("operationId")
                .asText());
    JsonNode appended = real.get("result").get("corrections").get(0);
    assertThat(appended.get("outcome").asText()).as(real.toString()).isEqualTo("appended");
    assertThat(appended.get("appendedVersion").asLong()).isEqualTo(5);
    assertThat(appended.get("published").asBoolean()).isTrue();
    assertThat(real.get("result").get("correctionsAppended").asInt()).isEqualTo(1);
    JsonNode events = api.get("/api/orders/" + orderId + "/events").body().get("events");
    assertThat(events.get(4).get("type").asText()).isEqualTo("order-corrected");
    JsonNode order = api.get("/api/orders/" + orderId).body();
    assertThat(order.get("status").asText()).isEqualTo("REFUNDED");
    assertThat(order.get("amountRefunded").asText()).isEqualTo("9.90");
    assertThat(scrape())
        .containsPattern(
            "orderflow_replay_corrections_total\\{[^}]*outcome=\"appended\"[^}]*} [1-9]");
  }

  private String scrape() throws Exception {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A history a shipped bug wrote: straight through the event store, a refund above the paid. */
  private String overRefundedOrder() {
    String orderId = "order-bug-" + UUID.randomUUID();
    List<OrderEvent> events =
        List.of(
            new OrderCreated(
                orderId,
                "customer-r",
                "EUR",
                List.of(new LineItem("BOOK-1", 1, new BigDecimal("9.90")))),
            new OrderConfirmed(),
            new OrderPaid("pay-1", new BigDecimal("9.90")),
            new OrderRefunded(new BigDecimal("19.80"), "refunded twice by a bug"));
    String hash = NewCommit.GENESIS_HASH;
    for (int i = 0; i < events.size(); i++) {
      hash =
          store
              .append(
                  new NewCommit(
                      orderId,
                      i,
                      UUID.randomUUID().toString(),
                      hash,
                      List.of(
                          new NewEvent(UUID.randomUUID().toString(), Instant.now(), events.get(i))),
                      new CommitMetadata("corr", "cause", "test", "order-" + orderId)))
              .hash();
    }
    return orderId;
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
