package io.orderflow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.api.ApiClient;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.workflow.OrderWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app's {@code orders} worker hosts the append, publication and projection as local activities
 * (registered with the activity beans of that queue): an order's commands run as markers in its
 * workflow tasks, never as activity tasks, and each commit still reaches SNS and the read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OrderCommandsLocalActivitiesApiTest {
  private static final String ORDER =
      """
      {"customerId":"c-local","currency":"EUR",
       "items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}
      """;

  @Autowired Environment environment;
  @Autowired WorkflowClient client;
  @Autowired DynamoDbEventStore store;

  @Test
  @DisplayName(
      "create and confirm run as local activities of the orders worker: no activity task, one"
          + " workflow task per command, both commits published and projected")
  void commandsRunAsLocalActivities() {
    ApiClient api = ApiClient.ofRunningApp(environment);
    ApiClient.Response created = api.post("/api/orders", ORDER);
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    String orderId = created.body().get("orderId").asText();

    ApiClient.Response confirmed = api.post("/api/orders/" + orderId + "/confirm", "");

    assertThat(confirmed.status()).as("%s", confirmed.body()).isEqualTo(200);
    List<HistoryEvent> history = client.fetchHistory(OrderWorkflow.workflowId(orderId)).getEvents();
    assertThat(history)
        .extracting(HistoryEvent::getEventType)
        .doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .filteredOn(t -> t == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
        .hasSize(2);
    // per command the append, then publication and projection side by side, in either order
    List<String> local = localActivities(history);
    assertThat(local).hasSize(6);
    assertThat(List.of(local.get(0), local.get(3))).containsOnly("AppendCommit");
    assertThat(local.subList(1, 3)).containsExactlyInAnyOrder("PublishAppended", "ProjectOrder");
    assertThat(local.subList(4, 6)).containsExactlyInAnyOrder("PublishAppended", "ProjectOrder");
    assertThat(store.readCommits(orderId))
        .extracting(StoredCommit::unpublished)
        .containsOnly(false);
    assertThat(api.get("/api/orders?customerId=c-local&limit=100").body().toString())
        .contains(orderId);
  }

  /** The activity type of each local-activity marker, in order. */
  private static List<String> localActivities(List<HistoryEvent> history) {
    return history.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .filter(e -> e.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity"))
        .map(
            e ->
                e.getMarkerRecordedEventAttributes()
                    .getDetailsMap()
                    .get("type")
                    .getPayloads(0)
                    .getData()
                    .toStringUtf8()
                    .replace("\"", ""))
        .toList();
  }
}
