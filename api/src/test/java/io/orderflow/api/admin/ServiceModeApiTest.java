package io.orderflow.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service mode as an operator sets it and a client feels it: READ_ONLY refuses order writes,
 * MAINTENANCE refuses order reads too, NORMAL takes everything again.
 *
 * <p>The mode lives in the shared {@code orderflow_control} table and the Spring context is shared
 * with the other API tests, so every test leaves the service in NORMAL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ServiceModeApiTest {
  private static final String ORDER =
      """
      {"customerId":"c-mode","currency":"EUR",
       "items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}
      """;

  @Autowired Environment environment;
  ApiClient api;
  String orderId;

  @BeforeEach
  void anOrderWhileNormal() {
    api = ApiClient.ofRunningApp(environment);
    backToNormal();
    ApiClient.Response created = api.post("/api/orders", ORDER);
    assertThat(created.status()).isEqualTo(201);
    orderId = created.body().get("orderId").asText();
  }

  @AfterEach
  void backToNormal() {
    assertThat(setMode("NORMAL").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("in READ_ONLY, creating an order answers 503 service-mode with Retry-After")
  void readOnlyRefusesCreation() {
    setMode("READ_ONLY");

    ApiClient.Response response = api.post("/api/orders", ORDER);

    assertServiceMode(response, "READ_ONLY");
  }

  @Test
  @DisplayName("in READ_ONLY, a command on an order answers 503 and changes nothing")
  void readOnlyRefusesCommands() {
    setMode("READ_ONLY");

    ApiClient.Response response = api.post("/api/orders/" + orderId + "/confirm", "");

    assertServiceMode(response, "READ_ONLY");
    setMode("NORMAL");
    assertThat(api.get("/api/orders/" + orderId).body().get("status").asText())
        .isEqualTo("PENDING");
  }

  @Test
  @DisplayName("in READ_ONLY, an order, its events and the list still read 200")
  void readOnlyStillReads() {
    setMode("READ_ONLY");

    assertThat(api.get("/api/orders/" + orderId).status()).isEqualTo(200);
    assertThat(api.get("/api/orders/" + orderId + "/events").status()).isEqualTo(200);
    assertThat(api.get("/api/orders?customerId=c-mode&limit=1").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("in MAINTENANCE, reading an order answers 503 service-mode too")
  void maintenanceRefusesReads() {
    setMode("MAINTENANCE");

    ApiClient.Response read = api.get("/api/orders/" + orderId);

    assertServiceMode(read, "MAINTENANCE");
    assertServiceMode(api.post("/api/orders", ORDER), "MAINTENANCE");
  }

  @Test
  @DisplayName("in MAINTENANCE, the service mode itself can still be read and set")
  void maintenanceKeepsAdminOpen() {
    setMode("MAINTENANCE");

    ApiClient.Response mode = api.get("/api/admin/service-mode");

    assertThat(mode.status()).isEqualTo(200);
    assertThat(mode.body().get("mode").asText()).isEqualTo("MAINTENANCE");
  }

  @Test
  @DisplayName("back in NORMAL, order writes work again")
  void normalAgainAcceptsWrites() {
    setMode("READ_ONLY");
    setMode("NORMAL");

    ApiClient.Response confirmed = api.post("/api/orders/" + orderId + "/confirm", "");

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(api.post("/api/orders", ORDER).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("the mode set is the mode read back, with who set it and why")
  void modeReadsBack() {
    ApiClient.Response set =
        api.put("/api/admin/service-mode", "{\"mode\":\"READ_ONLY\",\"reason\":\"restore test\"}");

    JsonNode read = api.get("/api/admin/service-mode").body();

    assertThat(set.status()).isEqualTo(200);
    assertThat(read.get("mode").asText()).isEqualTo("READ_ONLY");
    assertThat(read.get("reason").asText()).isEqualTo("restore test");
    assertThat(read.get("changedBy").asText()).isNotBlank();
  }

  @Test
  @DisplayName("an unknown mode is a 400 naming mode, and the mode stays as it was")
  void unknownMode() {
    ApiClient.Response response = setMode("HALF_OPEN");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(fields(response)).containsExactly("mode");
    assertThat(api.get("/api/admin/service-mode").body().get("mode").asText()).isEqualTo("NORMAL");
  }

  @Test
  @DisplayName("a missing mode is a 400 naming mode")
  void missingMode() {
    ApiClient.Response response = api.put("/api/admin/service-mode", "{\"reason\":\"x\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response)).containsExactly("mode");
  }

  private ApiClient.Response setMode(String mode) {
    return api.put("/api/admin/service-mode", "{\"mode\":\"" + mode + "\",\"reason\":\"test\"}");
  }

  private static void assertServiceMode(ApiClient.Response response, String mode) {
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotBlank();
    assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/service-mode");
    assertThat(response.body().get("mode").asText()).isEqualTo(mode);
  }

  private static List<String> fields(ApiClient.Response response) {
    List<String> fields = new ArrayList<>();
    response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
