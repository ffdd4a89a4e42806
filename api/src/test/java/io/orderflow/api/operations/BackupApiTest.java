package io.orderflow.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.api.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * An operator's backup through the API: start it, watch the operation until it succeeds, find the
 * backup listed. Backups go to target/, not the developer's local-stack/data.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "orderflow.backup.directory=target/it-backups")
@ActiveProfiles("it")
class BackupApiTest {
  @Autowired Environment environment;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName("a backup started with POST /api/backups succeeds, reports its result and is listed")
  void backupRunsToSuccessAndIsListed() {
    ApiClient.Response started = api.post("/api/backups", "{\"segments\":2}");
    assertThat(started.status()).isEqualTo(202);
    String operationId = started.body().get("operationId").asText();
    String workflowId = started.body().get("workflowId").asText();
    assertThat(workflowId).startsWith("backup-");

    JsonNode op =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> api.get("/api/operations/" + operationId).body(),
                body -> !"RUNNING".equals(body.get("status").asText()));

    assertThat(op.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(op.get("kind").asText()).isEqualTo("BACKUP");
    assertThat(op.get("phase").asText()).isEqualTo("DONE");
    assertThat(op.get("progress").get("percent").asInt()).isEqualTo(100);
    assertThat(op.get("parameters").get("segments").asInt()).isEqualTo(2);
    assertThat(op.get("result").get("backupId").asText()).isEqualTo(workflowId);
    assertThat(op.get("temporalUiUrl").asText())
        .isEqualTo(
            environment.getProperty("orderflow.api.temporal-ui-base-url")
                + "/namespaces/default/workflows/"
                + workflowId
                + "/"
                + op.get("runId").asText());
    assertThat(ids(api.get("/api/backups").body().get("backups"), "backupId")).contains(workflowId);
    assertThat(ids(api.get("/api/operations").body().get("operations"), "operationId"))
        .contains(operationId);
    ApiClient.Response again = api.post("/api/operations/" + operationId + "/cancel", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("type").asText()).isEqualTo("/problems/operation-finished");
  }

  @Test
  @DisplayName("an unknown operation answers 404 operation-not-found, to a read and to a cancel")
  void unknownOperationIsNotFound() {
    ApiClient.Response read = api.get("/api/operations/op-does-not-exist");
    ApiClient.Response cancel = api.post("/api/operations/op-does-not-exist/cancel", "");

    for (ApiClient.Response response : List.of(read, cancel)) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.body().get("type").asText()).isEqualTo("/problems/operation-not-found");
    }
  }

  @Test
  @DisplayName("a segment count out of range answers 400 invalid-parameter naming segments")
  void badSegmentsAreRefused() {
    ApiClient.Response response = api.post("/api/backups", "{\"segments\":0}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("segments");
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(field).asText()));
    return ids;
  }
}
