package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StreamVerifier;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * The DR drill of docs/runbooks, end to end through the API on tables of its own: orders in every
 * state, a backup, then damage — commits deleted, a commit altered, the whole events table dropped
 * — and the runbooks bring every order back to exactly the state and hash chain it had.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderflow.dynamodb.tables.events=drill_order_events",
      "orderflow.dynamodb.tables.snapshots=drill_order_snapshots",
      "orderflow.dynamodb.tables.projections=drill_order_projections",
      "orderflow.dynamodb.tables.operations=drill_orderflow_operations",
      "orderflow.dynamodb.tables.control=drill_orderflow_control",
      "orderflow.dynamodb.tables.quarantine=drill_order_quarantine",
      "orderflow.dynamodb.tables.revenue=drill_order_revenue",
      "orderflow.backup.directory=target/it-backups-drill",
      "orderflow.restore.ramp.settle-seconds=3",
      "orderflow.restore.ramp.observe-seconds=2",
      "orderflow.restore.ramp.interval-seconds=1",
      "orderflow.restore.sample-size=-1"
    })
@ActiveProfiles("it")
class DisasterRecoveryDrillTest {
  private static final String ORDER =
      "{\"customerId\":\"customer-%d\",\"currency\":\"EUR\","
          + "\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":\"12.50\"},"
          + "{\"sku\":\"PEN-2\",\"quantity\":1,\"unitPrice\":\"5.00\"}]}";

  /** The commands that take a new order to each state. */
  private static final List<List<String>> LIFECYCLES =
      List.of(
          List.of(),
          List.of("confirm"),
          List.of("confirm", "pay"),
          List.of("confirm", "pay", "ship"),
          List.of("confirm", "pay", "ship", "deliver"),
          List.of("cancel"),
          List.of("confirm", "pay", "refund"));

  @Autowired Environment environment;
  @Autowired DynamoDbClient dynamo;
  @Autowired ActiveTablesStore tables;
  @Autowired DynamoDbEventStore store;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName(
      "deleted and altered commits come back by single-order recovery, a dropped table by full"
          + " restore; every order ends exactly as it was, and takes writes again")
  void drill() {
    List<String> orders = createOrders(2);
    Map<String, String> truth = fingerprints(orders);
    String backupId =
        finished(api.post("/api/backups", "{\"segments\":2}"))
            .get("result")
            .get("backupId")
            .asText();

    // 1. one order loses a commit, another has one altered in place
    String lost = orders.get(2); // confirm, pay: three commits
    String altered = orders.get(4); // confirm, pay, ship, deliver: five commits
    dynamo.deleteItem(r -> r.tableName(tables.events()).key(key(lost, 2)));
    dynamo.updateItem(
        r ->
            r.tableName(tables.events())
                .key(key(altered, 3))
                .updateExpression("SET actor = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("mallory"))));
    assertThat(store.verify(lost)).isPresent();
    assertThat(store.verify(altered)).isPresent();

    JsonNode lostReport = finished(recover(lost)).get("result");
    JsonNode alteredReport = finished(recover(altered)).get("result");

    assertThat(lostReport.get("restored").toString()).isEqualTo("[2]");
    assertThat(alteredReport.get("quarantined").toString()).contains("3");
    assertThat(fingerprints(orders)).isEqualTo(truth);
    assertThat(quarantined(altered)).isEqualTo(1);

    // 2. the whole events table is gone
    String dropped = tables.events();
    dynamo.deleteTable(r -> r.tableName(dropped));
    dynamo.waiter().waitUntilTableNotExists(r -> r.tableName(dropped));

    ApiClient.Response restore =
        api.post("/api/recoveries/full-restore", "{\"backupId\":\"" + backupId + "\"}");
    JsonNode restored = finished(restore);

    JsonNode report = restored.get("result");
    assertThat(report.get("outcome").asText()).isEqualTo("SWITCHED");
    assertThat(report.get("anomalyCount").asLong()).isZero();
    assertThat(report.get("found")).isEqualTo(report.get("expected"));
    assertThat(report.get("reconstructed").asLong()).isEqualTo(orders.size());
    tables.forget();
    assertThat(tables.events())
        .isNotEqualTo(dropped)
        .endsWith(restore.body().get("restoreId").asText());
    assertThat(fingerprints(orders)).isEqualTo(truth);
    assertThat(api.get("/api/admin/service-mode").body().get("mode").asText()).isEqualTo("NORMAL");

    // 3. and the service takes writes again, on the restored tables, chain intact
    String pending = orders.get(0);
    ApiClient.Response confirmed = api.post("/api/orders/" + pending + "/confirm", "");
    assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
    assertThat(confirmed.body().get("version").asLong()).isEqualTo(2);
    assertThat(store.verify(pending)).isEmpty();
  }

  private List<String> createOrders(int perLifecycle) {
    List<String> ids = new java.util.ArrayList<>();
    int n = 0;
    for (int round = 0; round < perLifecycle; round++) {
      for (List<String> commands : LIFECYCLES) {
        ApiClient.Response created = api.post("/api/orders", String.format(ORDER, n++));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("orderId").asText();
        for (String command : commands) {
          ApiClient.Response done = api.post("/api/orders/" + id + "/" + command, body(command));
          assertThat(done.status()).as(command + ": " + done.body()).isEqualTo(200);
        }
        ids.add(id);
      }
    }
    return ids;
  }

  private static String body(String command) {
    return switch (command) {
      case "pay" -> "{\"paymentId\":\"pay-1\",\"amount\":\"30.00\"}";
      case "ship" -> "{\"carrier\":\"DHL\",\"trackingNumber\":\"T-1\"}";
      case "cancel" -> "{\"reason\":\"changed my mind\"}";
      case "refund" -> "{\"amount\":\"30.00\",\"reason\":\"broken\"}";
      default -> "";
    };
  }

  /** What the API answers for each order, and the stream's commits and hash chain head. */
  private Map<String, String> fingerprints(List<String> orders) {
    Map<String, String> prints = new LinkedHashMap<>();
    for (String id : orders) {
      JsonNode view = api.get("/api/orders/" + id).body();
      JsonNode events = api.get("/api/orders/" + id + "/events").body().get("events");
      List<StoredCommit> commits = store.readCommits(id);
      assertThat(StreamVerifier.verify(id, commits)).as(id).isEmpty();
      prints.put(
          id,
          view.toString() + events.toString() + commits.stream().map(StoredCommit::hash).toList());
    }
    return prints;
  }

  private long quarantined(String orderId) {
    return dynamo
        .query(
            r ->
                r.tableName("drill_order_quarantine")
                    .keyConditionExpression("orderId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId))))
        .count();
  }

  private ApiClient.Response recover(String orderId) {
    return api.post("/api/recoveries/order", "{\"orderId\":\"" + orderId + "\"}");
  }

  private static Map<String, AttributeValue> key(String orderId, long version) {
    return Map.of(
        "orderId", AttributeValue.fromS(orderId),
        "version", AttributeValue.fromN(Long.toString(version)));
  }

  private JsonNode finished(ApiClient.Response started) {
    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
    String operationId = started.body().get("operationId").asText();
    JsonNode op =
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> api.get("/api/operations/" + operationId).body(),
                body -> !"RUNNING".equals(body.get("status").asText()));
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    return op;
  }
}
