package io.orderflow.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.api.ApiClient;
import io.orderflow.workers.config.Infrastructure;
import java.time.Duration;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The curl walk-through of the README, as a test: the whole app (API, workers, embedded Temporal)
 * against dynalite and fauxqs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OrderApiEndToEndTest {
  static final String ORDER =
      """
      {"customerId":"customer-42","currency":"EUR",
       "items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"},
                {"sku":"PEN-7","quantity":1,"unitPrice":"3.99"}]}
      """;

  @Autowired Environment environment;
  @Autowired DynamoDbClient dynamo;
  @Autowired SqsClient sqs;
  @Autowired Infrastructure infrastructure;
  ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.ofRunningApp(environment);
  }

  @Test
  @DisplayName("a created order answers 201 with its location and reads back at version 1")
  void createdOrderReadsBackAtVersion1() {
    ApiClient.Response created = api.post("/api/orders", ORDER);

    assertThat(created.status()).isEqualTo(201);
    String orderId = created.body().get("orderId").asText();
    assertThat(created.header("Location")).isEqualTo("/api/orders/" + orderId);
    assertThat(created.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(created.body().get("total").asText()).isEqualTo("28.99");
    assertThat(created.body().get("version").asLong()).isEqualTo(1);

    ApiClient.Response read = api.get("/api/orders/" + orderId);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(created.body());
  }

  @Test
  @DisplayName("the order's event is listed by the events endpoint and stored in dynalite")
  void createdEventIsListedAndStored() {
    String orderId = api.post("/api/orders", ORDER).body().get("orderId").asText();

    JsonNode events = api.get("/api/orders/" + orderId + "/events").body().get("events");

    assertThat(events).hasSize(1);
    JsonNode event = events.get(0);
    assertThat(event.get("type").asText()).isEqualTo("order-created");
    assertThat(event.get("version").asLong()).isEqualTo(1);
    assertThat(event.get("data").get("customerId").asText()).isEqualTo("customer-42");

    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(infrastructure.tables().events())
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "orderId", AttributeValue.fromS(orderId),
                                "version", AttributeValue.fromN("1"))))
            .item();
    assertThat(item.get("events").l().get(0).m().get("eventId").s())
        .isEqualTo(event.get("eventId").asText());
    assertThat(item.get("workflowId").s()).isEqualTo("order-" + orderId);
  }

  @Test
  @DisplayName("the SNS message of the created event reaches the subscribed SQS queue")
  void createdEventReachesTheSubscribedQueue() throws Exception {
    String orderId = api.post("/api/orders", ORDER).body().get("orderId").asText();

    List<JsonNode> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              received.addAll(messagesFor(orderId));
              return !received.isEmpty();
            });

    assertThat(received)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("type").asText()).isEqualTo("order-created");
              assertThat(m.get("version").asLong()).isEqualTo(1);
            });
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(infrastructure.tables().events())
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "orderId", AttributeValue.fromS(orderId),
                                "version", AttributeValue.fromN("1"))))
            .item();
    assertThat(item)
        .as("published commit loses its unpublished marker")
        .doesNotContainKey("unpublished");
  }

  private List<JsonNode> messagesFor(String orderId) throws Exception {
    List<JsonNode> mine = new ArrayList<>();
    for (Message m :
        sqs.receiveMessage(
                r ->
                    r.queueUrl(infrastructure.inspectionQueueUrl())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1))
            .messages()) {
      JsonNode body = new ObjectMapper().readTree(m.body());
      if (orderId.equals(body.get("orderId").asText())) {
        mine.add(body);
        sqs.deleteMessage(
            r -> r.queueUrl(infrastructure.inspectionQueueUrl()).receiptHandle(m.receiptHandle()));
      }
    }
    return mine;
  }
}
