package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.workers.config.OrderRecoveryConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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

/**
 * An operator's single-order recovery through the API: a damaged order recovered from a backup,
 * watched until the operation succeeds, and the refusals when there is nothing to recover from.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "orderflow.backup.directory=target/it-backups")
@ActiveProfiles("it")
@Import(OrderRecoveryConfiguration.class) // until WorkersConfiguration imports it
class OrderRecoveryApiTest {
  private static final String ORDER =
      "{\"customerId\":\"customer-9\",\"currency\":\"EUR\","
          + "\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":\"12.50\"}]}";

  @Autowired Environment environment;
  @Autowired DynamoDbClient dynamo;
  @Autowired ActiveTablesStore tables;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName("a dry run reports the lost commit, the recovery restores it and reports SUCCEEDED")
  void recoversALostCommit() {
    String orderId = confirmedOrder();
    String backupId =
        finished(api.post("/api/backups", "{\"segments\":1}"))
            .get("result")
            .get("backupId")
            .asText();
    deleteCommit(orderId, 2);

    JsonNode dry = finished(recover("{\"orderId\":\"" + orderId + "\",\"dryRun\":true}"));
    assertThat(dry.get("result").get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("result").get("restored").toString()).isEqualTo("[2]");
    assertThat(api.get("/api/orders/" + orderId + "/events").body().get("events")).hasSize(1);

    ApiClient.Response started = recover("{\"orderId\":\"" + orderId + "\"}");
    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().get("workflowId").asText())
        .startsWith("recover-order-" + orderId + "-");
    JsonNode op = finished(started);

    assertThat(op.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("ORDER_RECOVERY");
    assertThat(op.get("phase").asText()).isEqualTo("DONE");
    assertThat(op.get("progress").get("percent").asInt()).isEqualTo(100);
    assertThat(op.get("parameters").get("orderId").asText()).isEqualTo(orderId);
    JsonNode result = op.get("result");
    assertThat(result.get("backupId").asText()).isEqualTo(backupId);
    assertThat(result.get("restored").toString()).isEqualTo("[2]");
    assertThat(result.get("quarantined").toString()).isEqualTo("[]");
    assertThat(result.get("kept").toString()).isEqualTo("[]");
    assertThat(result.get("violations").toString()).isEqualTo("[]");
    assertThat(result.get("snapshotVersion").asInt()).isEqualTo(2);
    assertThat(result.get("dryRun").asBoolean()).isFalse();
    assertThat(api.get("/api/orders/" + orderId + "/events").body().get("events")).hasSize(2);
  }

  @Test
  @DisplayName("an order neither live nor in any backup answers 404 order-not-found")
  void unknownOrder() {
    ApiClient.Response response =
        recover("{\"orderId\":\"no-such-order-" + UUID.randomUUID() + "\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/order-not-found");
  }

  @Test
  @DisplayName("an unknown backupId answers 404 backup-not-found")
  void unknownBackup() {
    String orderId = confirmedOrder();

    ApiClient.Response response =
        recover("{\"orderId\":\"" + orderId + "\",\"backupId\":\"no-such-backup\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/backup-not-found");
    assertThat(response.body().get("detail").asText()).contains("no-such-backup");
  }

  @Test
  @DisplayName("a live order that no backup holds answers 404 backup-not-found saying so")
  void noBackupHoldsTheOrder() {
    String orderId = confirmedOrder();

    ApiClient.Response response = recover("{\"orderId\":\"" + orderId + "\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/backup-not-found");
    assertThat(response.body().get("detail").asText())
        .startsWith("no backup holds order " + orderId);
  }

  @Test
  @DisplayName("a body without orderId answers 400 naming orderId")
  void missingOrderId() {
    for (String body : new String[] {"{}", "{\"orderId\":\" \"}", "{\"orderId\":\"a b\"}"}) {
      ApiClient.Response response = recover(body);

      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("orderId");
    }
  }

  @Test
  @DisplayName("a malformed body answers 400 malformed-request")
  void malformedBody() {
    ApiClient.Response broken = recover("{\"orderId\":");
    ApiClient.Response wrongType = recover("{\"orderId\":[\"x\"]}");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body().get("type").asText()).isEqualTo("/problems/malformed-request");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("errors").get(0).get("field").asText()).isEqualTo("orderId");
  }

  private ApiClient.Response recover(String body) {
    return api.post("/api/recoveries/order", body);
  }

  private String confirmedOrder() {
    ApiClient.Response created = api.post("/api/orders", ORDER);
    assertThat(created.status()).isEqualTo(201);
    String orderId = created.body().get("orderId").asText();
    assertThat(api.post("/api/orders/" + orderId + "/confirm", "").status()).isEqualTo(200);
    return orderId;
  }

  /** Waits for the operation a 202 started to end; returns its view. */
  private JsonNode finished(ApiClient.Response started) {
    assertThat(started.status()).isEqualTo(202);
    String operationId = started.body().get("operationId").asText();
    JsonNode op =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> api.get("/api/operations/" + operationId).body(),
                body -> !"RUNNING".equals(body.get("status").asText()));
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    return op;
  }

  private void deleteCommit(String orderId, long version) {
    dynamo.deleteItem(
        r ->
            r.tableName(tables.events())
                .key(
                    Map.of(
                        "orderId",
                        AttributeValue.fromS(orderId),
                        "version",
                        AttributeValue.fromN(Long.toString(version)))));
  }
}
