package io.orderflow.api.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SchemasAndExplorerApiTest {
  static final String ORDER =
      """
      {"customerId":"explorer-customer","currency":"EUR",
       "items":[{"sku":"BOOK-1","quantity":1,"unitPrice":"9.99"}]}
      """;

  @Autowired Environment environment;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName("the schema registry lists order-created v1 (deprecated) and v2 (current)")
  void schemaRegistry() {
    JsonNode types = api.get("/api/schemas").body().get("types");

    JsonNode created = null;
    for (JsonNode t : types) {
      if (t.get("type").asText().equals("order-created")) {
        created = t;
      }
    }
    assertThat(created).isNotNull();
    assertThat(created.get("currentVersion").asInt()).isEqualTo(2);
    assertThat(created.get("versions")).hasSize(2);
    assertThat(created.get("versions").get(0).get("deprecated").asBoolean()).isTrue();
    assertThat(created.get("versions").get(1).get("schema").get("required").toString())
        .contains("currency");
    assertThat(types.findValuesAsText("type")).contains("order-corrected");
  }

  @Test
  @DisplayName("the explorer pages through recent events across orders, each once")
  void explorerPages() {
    Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(api.post("/api/orders", ORDER).body().get("orderId").asText());
    }
    String to = Instant.now().plus(1, ChronoUnit.SECONDS).toString();

    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String path =
          "/api/events?type=order-created&limit=1&from="
              + from
              + "&to="
              + to
              + (token == null ? "" : "&pageToken=" + token);
      JsonNode page = api.get(path).body();
      page.get("events").forEach(e -> seen.add(e.get("orderId").asText()));
      token = page.has("nextPageToken") ? page.get("nextPageToken").asText() : null;
    } while (token != null);

    assertThat(seen).doesNotHaveDuplicates().containsAll(created);
  }

  @Test
  @DisplayName("the explorer names a bad parameter: a time that is no instant, a limit too large")
  void explorerBadParameters() {
    ApiClient.Response badTime = api.get("/api/events?from=yesterday");
    ApiClient.Response badLimit = api.get("/api/events?limit=100000");

    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.body().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.body().get("errors").get(0).get("field").asText()).isEqualTo("limit");
  }
}
