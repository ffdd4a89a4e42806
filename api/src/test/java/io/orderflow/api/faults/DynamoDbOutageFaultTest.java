package io.orderflow.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.api.ApiClient;
import io.orderflow.api.OrderflowApplication;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault: DynamoDB unreachable during a command. A separate app (API, workers, its own embedded
 * Temporal) reaches dynalite only through a {@link PausableTcpProxy}, so the outage is its alone;
 * the shared test context and dynalite itself are untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbOutageFaultTest {
  private static final String ORDER =
      """
      {"customerId":"c-outage","currency":"EUR",
       "items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}
      """;

  /** The API's command timeout in this app: a command not done by then is answered 504. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

  /** ServiceModeGuard reads the mode at most once a second; past that, it reads it again. */
  private static final Duration MODE_CACHE_EXPIRED = Duration.ofMillis(1_200);

  private PausableTcpProxy proxy;
  private ConfigurableApplicationContext app;
  private ApiClient api;
  private DynamoDbEventStore store;

  @BeforeAll
  void startAppBehindProxy() throws Exception {
    proxy =
        PausableTcpProxy.start(
            System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"));
    app =
        new SpringApplicationBuilder(OrderflowApplication.class)
            .profiles("it")
            .run(
                "--orderflow.aws.dynamodb-endpoint=" + proxy.endpoint(),
                "--orderflow.api.command-timeout=" + COMMAND_TIMEOUT.toSeconds() + "s",
                "--server.port=0",
                "--orderflow.temporal.embedded-port=0",
                "--spring.application.name=orderflow-outage");
    api = ApiClient.ofRunningApp(app.getEnvironment());
    store = app.getBean(DynamoDbEventStore.class);
  }

  @AfterEach
  void dynamoDbBack() {
    proxy.resume();
  }

  @AfterAll
  void stopApp() {
    if (app != null) {
      app.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  @DisplayName(
      "a command arriving while DynamoDB is unreachable is a 503 with Retry-After, never a 500,"
          + " and nothing is applied")
  void commandWhileDown() throws Exception {
    String orderId = create();
    proxy.pause();
    Thread.sleep(MODE_CACHE_EXPIRED.toMillis());

    ApiClient.Response response = api.post("/api/orders/" + orderId + "/confirm", "");

    assertThat(response.status()).as("%s", response.body()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotBlank();
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/service-unavailable");
    proxy.resume();
    assertThat(types(orderId)).containsExactly("order-created");
  }

  @Test
  @DisplayName(
      "after a 503 for an outage, the same command sent again once DynamoDB is back is 200")
  void retryAfterOutage() throws Exception {
    String orderId = create();
    proxy.pause();
    Thread.sleep(MODE_CACHE_EXPIRED.toMillis());
    assertThat(api.post("/api/orders/" + orderId + "/confirm", "").status()).isEqualTo(503);

    proxy.resume();
    ApiClient.Response retried = api.post("/api/orders/" + orderId + "/confirm", "");

    assertThat(retried.status()).isEqualTo(200);
    assertThat(types(orderId)).containsExactly("order-created", "order-confirmed");
  }

  @Test
  @DisplayName(
      "a command whose append meets the outage is a 504 command-pending, and the workflow"
          + " completes it exactly once when DynamoDB is back")
  void appendDuringOutage() throws Exception {
    String orderId = create();
    CountDownLatch wentDown = proxy.pauseAtNext("PutItem", "\"TableName\":\"order_events\"");

    ApiClient.Response pending = api.post("/api/orders/" + orderId + "/confirm", "");

    assertThat(PausableTcpProxy.await(wentDown, Duration.ZERO)).isTrue();
    assertThat(pending.status()).as("%s", pending.body()).isEqualTo(504);
    assertThat(pending.body().get("type").asText()).isEqualTo("/problems/command-pending");
    assertThat(pending.header("Retry-After")).isNotBlank();

    proxy.resume();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(api.get("/api/orders/" + orderId).body().get("status").asText())
                    .isEqualTo("CONFIRMED"));
    assertThat(types(orderId)).containsExactly("order-created", "order-confirmed");
    assertThat(store.verify(orderId)).isEmpty();
  }

  @Test
  @DisplayName(
      "after a 504 command-pending, the same Idempotency-Key gets the applied answer, appended once")
  void idempotentRetryAfterPending() throws Exception {
    String orderId = create();
    Map<String, String> key = Map.of("Idempotency-Key", "confirm-" + UUID.randomUUID());
    CountDownLatch wentDown = proxy.pauseAtNext("PutItem", "\"TableName\":\"order_events\"");
    ApiClient.Response pending = api.post("/api/orders/" + orderId + "/confirm", "", key);
    assertThat(PausableTcpProxy.await(wentDown, Duration.ZERO)).isTrue();
    assertThat(pending.status()).isEqualTo(504);

    proxy.resume();

    // While the workflow still retries its append, a retry may itself be told 504; never else.
    ApiClient.Response retried =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.post("/api/orders/" + orderId + "/confirm", "", key),
                r -> {
                  assertThat(r.status()).isIn(200, 504);
                  return r.status() == 200;
                });
    assertThat(retried.body().get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(retried.body().get("version").asLong()).isEqualTo(2);
    assertThat(types(orderId)).containsExactly("order-created", "order-confirmed");
  }

  @Test
  @DisplayName("an order whose command met the outage takes its next command normally")
  void nextCommandAfterOutage() throws Exception {
    String orderId = create();
    CountDownLatch wentDown = proxy.pauseAtNext("PutItem", "\"TableName\":\"order_events\"");
    assertThat(api.post("/api/orders/" + orderId + "/confirm", "").status()).isEqualTo(504);
    assertThat(PausableTcpProxy.await(wentDown, Duration.ZERO)).isTrue();
    proxy.resume();
    await().atMost(Duration.ofSeconds(30)).until(() -> types(orderId).size() == 2);

    // keyed, so that a retry after a slow first attempt cannot be taken for a second payment
    Map<String, String> key = Map.of("Idempotency-Key", "pay-" + UUID.randomUUID());
    ApiClient.Response paid =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    api.post(
                        "/api/orders/" + orderId + "/pay",
                        "{\"paymentId\":\"p-1\",\"amount\":\"25.00\"}",
                        key),
                r -> r.status() != 504);

    assertThat(paid.status()).as("%s", paid.body()).isEqualTo(200);
    assertThat(paid.body().get("version").asLong()).isEqualTo(3);
    assertThat(types(orderId)).containsExactly("order-created", "order-confirmed", "order-paid");
    assertThat(store.verify(orderId)).isEmpty();
  }

  private String create() {
    ApiClient.Response created = api.post("/api/orders", ORDER);
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    return created.body().get("orderId").asText();
  }

  private List<String> types(String orderId) {
    return store.readEvents(orderId).stream().map(StoredEvent::type).toList();
  }
}
