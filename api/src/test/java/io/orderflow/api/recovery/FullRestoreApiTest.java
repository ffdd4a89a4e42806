package io.orderflow.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/recoveries/full-restore}: what an operator sees, good input and bad. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderflow.dynamodb.tables.events=fr_order_events",
      "orderflow.dynamodb.tables.snapshots=fr_order_snapshots",
      "orderflow.dynamodb.tables.projections=fr_order_projections",
      "orderflow.dynamodb.tables.operations=fr_orderflow_operations",
      "orderflow.dynamodb.tables.control=fr_orderflow_control",
      "orderflow.dynamodb.tables.quarantine=fr_order_quarantine",
      "orderflow.dynamodb.tables.revenue=fr_order_revenue",
      "orderflow.backup.directory=target/it-backups-fr",
      "orderflow.restore.ramp.settle-seconds=3",
      "orderflow.restore.ramp.observe-seconds=2",
      "orderflow.restore.ramp.interval-seconds=1"
    })
@ActiveProfiles("it")
class FullRestoreApiTest {
  private static final String ORDER =
      "{\"customerId\":\"customer-1\",\"currency\":\"EUR\","
          + "\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":\"9.90\"}]}";

  @Autowired Environment environment;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName(
      "a dry run through the API is accepted with its ids, runs to SUCCEEDED and reports what the"
          + " backup holds")
  void dryRun() {
    api.post("/api/orders", ORDER);
    String backupId = backup();

    ApiClient.Response started =
        api.post(
            "/api/recoveries/full-restore", "{\"backupId\":\"" + backupId + "\",\"dryRun\":true}");

    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().get("workflowId").asText()).startsWith("restore-2");
    assertThat(started.body().get("dryRun").asBoolean()).isTrue();
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("FULL_RESTORE");
    assertThat(op.get("parameters").get("backupId").asText()).isEqualTo(backupId);
    JsonNode result = op.get("result");
    assertThat(result.get("outcome").asText()).isEqualTo("DRY_RUN");
    assertThat(result.get("found")).isEqualTo(result.get("expected"));
    assertThat(result.get("found").get("commits").asLong()).isPositive();
    assertThat(op.get("temporalUiUrl").asText())
        .contains(started.body().get("workflowId").asText());
  }

  @Test
  @DisplayName("a body without backupId, or with a parallelism out of range, is a 400 naming it")
  void invalidBodies() {
    ApiClient.Response missing = api.post("/api/recoveries/full-restore", "{\"dryRun\":true}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(missing.body().toString()).contains("backupId");

    ApiClient.Response parallel =
        api.post("/api/recoveries/full-restore", "{\"backupId\":\"b\",\"parallelism\":0}");
    assertThat(parallel.status()).isEqualTo(400);
    assertThat(parallel.body().toString()).contains("parallelism");

    ApiClient.Response malformed = api.post("/api/recoveries/full-restore", "{\"backupId\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/malformed-request");

    ApiClient.Response wrongType =
        api.post("/api/recoveries/full-restore", "{\"backupId\":\"b\",\"dryRun\":\"maybe\"}");
    assertThat(wrongType.status()).isEqualTo(400);
  }

  @Test
  @DisplayName("an unknown backup is a 404 backup-not-found, and nothing starts")
  void unknownBackup() {
    ApiClient.Response response =
        api.post("/api/recoveries/full-restore", "{\"backupId\":\"backup-nope\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/backup-not-found");
    assertThat(response.body().get("detail").asText()).contains("backup-nope");
  }

  @Test
  @DisplayName(
      "while a full restore runs, a second one, a real replay and a projection rebuild are each a"
          + " 409 restore-running naming it; the first completes")
  void oneRestoreAtATime() {
    api.post("/api/orders", ORDER);
    String backupId = backup();
    ApiClient.Response first =
        api.post("/api/recoveries/full-restore", "{\"backupId\":\"" + backupId + "\"}");
    assertThat(first.status()).isEqualTo(202);
    String firstId = first.body().get("operationId").asText();

    ApiClient.Response second =
        api.post("/api/recoveries/full-restore", "{\"backupId\":\"" + backupId + "\"}");

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().get("type").asText()).isEqualTo("/problems/restore-running");
    assertThat(second.body().get("operationId").asText()).isEqualTo(firstId);
    for (String[] writer :
        new String[][] {
          {"/api/recoveries/replay", "{\"orderIds\":[\"order-1\"],\"dryRun\":false}"},
          {"/api/recoveries/projection-rebuild", "{\"projection\":\"revenue\"}"}
        }) {
      ApiClient.Response refused = api.post(writer[0], writer[1]);
      assertThat(refused.status()).as(writer[0] + " " + refused.body()).isEqualTo(409);
      assertThat(refused.body().get("type").asText()).isEqualTo("/problems/restore-running");
      assertThat(refused.body().get("operationId").asText()).isEqualTo(firstId);
    }
    JsonNode done = finished(firstId);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("result").get("outcome").asText()).isEqualTo("SWITCHED");
    // the lock is gone with the first: a third is accepted (as a dry run, to leave things be)
    ApiClient.Response third =
        api.post(
            "/api/recoveries/full-restore", "{\"backupId\":\"" + backupId + "\",\"dryRun\":true}");
    assertThat(third.status()).isEqualTo(202);
    finished(third.body().get("operationId").asText());
  }

  private String backup() {
    ApiClient.Response started = api.post("/api/backups", "{\"segments\":2}");
    assertThat(started.status()).isEqualTo(202);
    JsonNode op = finished(started.body().get("operationId").asText());
    assertThat(op.get("status").asText()).isEqualTo("SUCCEEDED");
    return op.get("result").get("backupId").asText();
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
