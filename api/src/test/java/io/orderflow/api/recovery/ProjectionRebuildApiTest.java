package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /api/recoveries/projection-rebuild}, {@code GET /api/projections} and {@code GET
 * /api/revenue}: what an operator and a user see, good input and bad.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderflow.dynamodb.tables.events=pj_order_events",
      "orderflow.dynamodb.tables.snapshots=pj_order_snapshots",
      "orderflow.dynamodb.tables.projections=pj_order_projections",
      "orderflow.dynamodb.tables.operations=pj_orderflow_operations",
      "orderflow.dynamodb.tables.control=pj_orderflow_control",
      "orderflow.dynamodb.tables.quarantine=pj_order_quarantine",
      "orderflow.dynamodb.tables.revenue=pj_order_revenue",
      "orderflow.rebuild.settle-seconds=1"
    })
@ActiveProfiles("it")
class ProjectionRebuildApiTest {
  private static final String REBUILD = "/api/recoveries/projection-rebuild";

  @Autowired Environment environment;
  @Autowired DynamoDbClient dynamo;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName(
      "a rebuild through the API repairs a lost row and swaps; a rollback swaps back; the previous"
          + " generation is then dropped")
  void rebuildRollBackDrop() {
    String customer = "customer-" + System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(order(customer, "9.90"));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> listed(customer).size() == 3);
    dynamo.deleteItem(
        r ->
            r.tableName("pj_order_projections")
                .key(Map.of("orderId", AttributeValue.fromS(ids.get(1)))));
    assertThat(listed(customer)).hasSize(2);

    ApiClient.Response started = api.post(REBUILD, "{\"projection\":\"order-summary\"}");

    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    assertThat(started.body().get("workflowId").asText()).startsWith("rebuild-order-summary-2");
    assertThat(started.body().get("action").asText()).isEqualTo("rebuild");
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("PROJECTION_REBUILD");
    assertThat(op.get("result").get("outcome").asText()).isEqualTo("SWAPPED");
    String generation = "pj_order_projections-gen-" + started.body().get("rebuildId").asText();
    JsonNode summary = projection("order-summary");
    assertThat(summary.get("activeTable").asText()).isEqualTo(generation);
    assertThat(summary.get("previousTable").asText()).isEqualTo("pj_order_projections");
    await().atMost(Duration.ofSeconds(10)).until(() -> listed(customer).size() == 3);

    ApiClient.Response dropConfigured =
        api.post(REBUILD, "{\"projection\":\"order-summary\",\"action\":\"drop-previous\"}");
    assertThat(dropConfigured.status()).isEqualTo(400);
    assertThat(dropConfigured.body().toString()).contains("action").contains("configured table");

    ApiClient.Response rollBack =
        api.post(REBUILD, "{\"projection\":\"order-summary\",\"action\":\"rollback\"}");
    assertThat(rollBack.status()).isEqualTo(202);
    JsonNode back = finished(rollBack.body().get("operationId").asText());
    assertThat(back.get("result").get("outcome").asText())
        .as(back.toString())
        .isEqualTo("ROLLED_BACK");
    assertThat(projection("order-summary").get("activeTable").asText())
        .isEqualTo("pj_order_projections");

    ApiClient.Response drop =
        api.post(REBUILD, "{\"projection\":\"order-summary\",\"action\":\"drop-previous\"}");
    assertThat(drop.status()).isEqualTo(202);
    JsonNode dropped = finished(drop.body().get("operationId").asText());
    assertThat(dropped.get("result").get("outcome").asText())
        .as(dropped.toString())
        .isEqualTo("DROPPED");
    assertThat(projection("order-summary").get("previousTable").isNull()).isTrue();
    assertThat(dynamo.listTables().tableNames()).doesNotContain(generation);
  }

  @Test
  @DisplayName("a paid order's revenue is listed under the day it was created, in its currency")
  void revenuePerDay() {
    String orderId = order("customer-revenue", "12.34");
    assertThat(api.post("/api/orders/" + orderId + "/confirm", "").status()).isEqualTo(200);
    ApiClient.Response paid =
        api.post("/api/orders/" + orderId + "/pay", "{\"paymentId\":\"p-1\",\"amount\":\"12.34\"}");
    assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    JsonNode day =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> api.get("/api/revenue?day=" + today + "&currency=USD").body(),
                body -> body.get("currencies").size() == 1);

    assertThat(day.get("day").asText()).isEqualTo(today);
    JsonNode usd = day.get("currencies").get(0);
    assertThat(usd.get("currency").asText()).isEqualTo("USD");
    assertThat(usd.get("orders").asLong()).isPositive();
    assertThat(api.get("/api/revenue?day=" + today).body().get("currencies").toString())
        .contains("USD");
    ApiClient.Response badDay = api.get("/api/revenue?day=yesterday");
    assertThat(badDay.status()).isEqualTo(400);
    assertThat(badDay.body().toString()).contains("day");
  }

  @Test
  @DisplayName(
      "a request without a registered projection, with an unknown action or bad segments is a 400"
          + " naming the field; rolling back with nothing to return to is a 404")
  void refusals() {
    ApiClient.Response missing = api.post(REBUILD, "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(missing.body().get("errors").toString()).contains("projection");

    ApiClient.Response unknown = api.post(REBUILD, "{\"projection\":\"orders-per-planet\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").toString())
        .contains("projection")
        .contains("order-summary")
        .contains("revenue");

    ApiClient.Response action =
        api.post(REBUILD, "{\"projection\":\"revenue\",\"action\":\"rewind\"}");
    assertThat(action.status()).isEqualTo(400);
    assertThat(action.body().get("errors").toString()).contains("action");

    ApiClient.Response segments = api.post(REBUILD, "{\"projection\":\"revenue\",\"segments\":0}");
    assertThat(segments.status()).isEqualTo(400);
    assertThat(segments.body().get("errors").toString()).contains("segments");

    ApiClient.Response dryRollback =
        api.post(REBUILD, "{\"projection\":\"revenue\",\"action\":\"rollback\",\"dryRun\":true}");
    assertThat(dryRollback.status()).isEqualTo(400);
    assertThat(dryRollback.body().get("errors").toString()).contains("dryRun");

    ApiClient.Response nothingToRollBackTo =
        api.post(REBUILD, "{\"projection\":\"revenue\",\"action\":\"rollback\"}");
    assertThat(nothingToRollBackTo.status()).isEqualTo(404);
    assertThat(nothingToRollBackTo.body().get("detail").asText())
        .contains("no previous generation");
  }

  private String order(String customer, String price) {
    ApiClient.Response created =
        api.post(
            "/api/orders",
            "{\"customerId\":\""
                + customer
                + "\",\"currency\":\"USD\",\"items\":[{\"sku\":\"MUG-1\",\"quantity\":1,"
                + "\"unitPrice\":\""
                + price
                + "\"}]}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("orderId").asText();
  }

  private List<String> listed(String customer) {
    List<String> ids = new ArrayList<>();
    api.get("/api/orders?customerId=" + customer)
        .body()
        .get("orders")
        .forEach(o -> ids.add(o.get("orderId").asText()));
    return ids;
  }

  private JsonNode projection(String name) {
    for (JsonNode p : api.get("/api/projections").body().get("projections")) {
      if (name.equals(p.get("projection").asText())) {
        return p;
      }
    }
    throw new AssertionError("GET /api/projections does not list " + name);
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
