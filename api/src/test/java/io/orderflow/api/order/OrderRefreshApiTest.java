package io.orderflow.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.api.ApiClient;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.order.OrderDelivered;
import io.orderflow.order.workflow.OrderWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
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

/**
 * {@code POST /api/orders/{id}/refresh} through the running app (API, workers, embedded Temporal,
 * dynalite): the order's workflow takes in the stream as the tables hold it, so a command the
 * stored order allows is no longer refused on the workflow's older memory. The stream is moved
 * under the workflow by a second writer, as a restore or a recovery would move it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OrderRefreshApiTest {
  private static final String REFUND = "{\"amount\":\"28.99\",\"reason\":\"damaged\"}";

  @Autowired Environment environment;
  @Autowired DynamoDbEventStore store;
  @Autowired WorkflowClient client;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName(
      "delivered in the tables, shipped in memory: refund is refused 409 until a refresh, then 200")
  void streamMovedUnderTheWorkflow_refreshLetsTheStoredOrderDecide() {
    String orderId = shippedOrder();
    appendAsAnotherWriter(orderId);
    ApiClient.Response before = api.post(path(orderId, "refund"), REFUND);
    assertThat(before.status()).as("%s", before.body()).isEqualTo(409);
    assertThat(before.body().get("type").asText()).endsWith("/illegal-transition");

    ApiClient.Response refreshed = api.post(path(orderId, "refresh"), "");
    ApiClient.Response refunded = api.post(path(orderId, "refund"), REFUND);

    assertThat(refreshed.status()).as("%s", refreshed.body()).isEqualTo(200);
    assertThat(refreshed.body().get("status").asText()).isEqualTo("DELIVERED");
    assertThat(refreshed.body().get("version").asLong()).isEqualTo(5);
    assertThat(refunded.status()).as("%s", refunded.body()).isEqualTo(200);
    assertThat(refunded.body().get("status").asText()).isEqualTo("REFUNDED");
    assertThat(store.readEvents(orderId))
        .extracting(StoredEvent::version)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  @DisplayName(
      "an order its workflow already holds as stored: 200, the same order, nothing written")
  void unchangedOrder_refreshAnswersItAndWritesNothing() {
    String orderId = shippedOrder();

    ApiClient.Response refreshed = api.post(path(orderId, "refresh"), "");

    assertThat(refreshed.status()).as("%s", refreshed.body()).isEqualTo(200);
    assertThat(refreshed.body().get("status").asText()).isEqualTo("SHIPPED");
    assertThat(refreshed.body().get("version").asLong()).isEqualTo(4);
    assertThat(store.readEvents(orderId)).hasSize(4);
  }

  @Test
  @DisplayName("a cancelled order whose workflow has ended: 200 with the stored order")
  void endedWorkflow_answersTheStoredOrder() {
    ApiClient.Response created = api.post("/api/orders", OrderLifecycleApiTest.order("c-refresh"));
    String orderId = created.body().get("orderId").asText();
    ApiClient.Response cancelled =
        api.post(path(orderId, "cancel"), "{\"reason\":\"changed my mind\"}");
    assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                        .newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId))
                        .describe()
                        .getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);

    ApiClient.Response refreshed = api.post(path(orderId, "refresh"), "");

    assertThat(refreshed.status()).as("%s", refreshed.body()).isEqualTo(200);
    assertThat(refreshed.body().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(refreshed.body().get("version").asLong()).isEqualTo(2);
  }

  @Test
  @DisplayName("an unknown order: 404 order-not-found")
  void unknownOrder_isNotFound() {
    ApiClient.Response refreshed = api.post(path(UUID.randomUUID().toString(), "refresh"), "");

    assertThat(refreshed.status()).isEqualTo(404);
    assertThat(refreshed.body().get("type").asText()).endsWith("/order-not-found");
  }

  private String shippedOrder() {
    ApiClient.Response created = api.post("/api/orders", OrderLifecycleApiTest.order("c-refresh"));
    assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
    String orderId = created.body().get("orderId").asText();
    for (String[] step :
        List.of(
            new String[] {"confirm", ""},
            new String[] {"pay", "{\"paymentId\":\"pay-1\",\"amount\":\"28.99\"}"},
            new String[] {"ship", "{\"carrier\":\"DHL\",\"trackingNumber\":\"T-1\"}"})) {
      ApiClient.Response response = api.post(path(orderId, step[0]), step[1]);
      assertThat(response.status()).as("%s: %s", step[0], response.body()).isEqualTo(200);
    }
    return orderId;
  }

  private void appendAsAnotherWriter(String orderId) {
    StoredCommit head = store.head(orderId).orElseThrow();
    AppendResult landed =
        store.append(
            new NewCommit(
                orderId,
                head.lastVersion(),
                UUID.randomUUID().toString(),
                head.hash(),
                List.of(
                    new NewEvent(
                        UUID.randomUUID().toString(), Instant.now(), new OrderDelivered())),
                new CommitMetadata("recovery-1", "recovery-1", "recovery", "recover-order-x")));
    assertThat(landed.firstVersion()).isEqualTo(head.lastVersion() + 1);
  }

  private static String path(String orderId, String command) {
    return "/api/orders/" + orderId + "/" + command;
  }
}
