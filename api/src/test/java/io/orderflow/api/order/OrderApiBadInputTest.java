package io.orderflow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/** Every bad request gets a problem+json with a stable type, naming the field at fault. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OrderApiBadInputTest {
  @Autowired Environment environment;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName("malformed JSON is a 400 malformed-request")
  void malformedJson() {
    ApiClient.Response response = api.post("/api/orders", "{\"customerId\": ");

    assertProblem(response, 400, "/problems/malformed-request");
  }

  @Test
  @DisplayName("a field of the wrong type is a 400 that names the field")
  void wrongType() {
    ApiClient.Response response =
        api.post(
            "/api/orders",
            """
            {"customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":"two","unitPrice":"1.00"}]}
            """);

    assertProblem(response, 400, "/problems/malformed-request");
    assertThat(fields(response)).containsExactly("items[0].quantity");
  }

  @Test
  @DisplayName("missing fields are a 400 invalid-order naming each one")
  void missingFields() {
    ApiClient.Response response = api.post("/api/orders", "{}");

    assertProblem(response, 400, "/problems/invalid-order");
    assertThat(fields(response)).containsExactlyInAnyOrder("customerId", "currency", "items");
  }

  @Test
  @DisplayName("zero quantity, negative price and an unknown currency are each named")
  void brokenRules() {
    ApiClient.Response response =
        api.post(
            "/api/orders",
            """
            {"customerId":"c","currency":"ABC","items":[{"sku":"A","quantity":0,"unitPrice":"-1"}]}
            """);

    assertProblem(response, 400, "/problems/invalid-order");
    assertThat(fields(response))
        .containsExactlyInAnyOrder("currency", "items[0].quantity", "items[0].unitPrice");
  }

  @Test
  @DisplayName("a 10 MB body is refused with 413 before it is read")
  void hugeBody() {
    String huge = "{\"customerId\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    ApiClient.Response response = api.post("/api/orders", huge);

    assertProblem(response, 413, "/problems/payload-too-large");
  }

  @Test
  @DisplayName("a body that is not JSON is a 415")
  void notJson() {
    ApiClient.Response response = api.post("/api/orders", "customerId=c", "text/plain");

    assertProblem(response, 415, "/problems/unsupported-media-type");
  }

  @Test
  @DisplayName("an unknown order id is a 404 order-not-found, for the order and its events")
  void unknownOrder() {
    assertProblem(api.get("/api/orders/does-not-exist"), 404, "/problems/order-not-found");
    assertProblem(api.get("/api/orders/does-not-exist/events"), 404, "/problems/order-not-found");
  }

  @Test
  @DisplayName("a version the order never had is a 404, a non-number a 400 naming the parameter")
  void badVersion() {
    String orderId =
        api.post("/api/orders", OrderApiEndToEndTest.ORDER).body().get("orderId").asText();

    assertProblem(
        api.get("/api/orders/" + orderId + "?atVersion=7"), 404, "/problems/order-not-found");
    ApiClient.Response notANumber = api.get("/api/orders/" + orderId + "?atVersion=seven");
    assertProblem(notANumber, 400, "/problems/invalid-parameter");
    assertThat(fields(notANumber)).containsExactly("atVersion");
  }

  private static void assertProblem(ApiClient.Response response, int status, String type) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("type").asText()).isEqualTo(type);
    assertThat(response.body().get("status").asInt()).isEqualTo(status);
    assertThat(response.body().get("title").asText()).isNotBlank();
    assertThat(response.body().get("detail").asText()).doesNotContain("Exception");
  }

  private static java.util.List<String> fields(ApiClient.Response response) {
    JsonNode errors = response.body().get("errors");
    java.util.List<String> fields = new java.util.ArrayList<>();
    errors.forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
