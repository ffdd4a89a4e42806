package io.orderflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.bootstrap.TopicBootstrap;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.testing.Commits;
import io.orderflow.testing.LocalAws;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SnsPublicationActivitiesTest {
  private static final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  private static final SnsClient sns = LocalAws.endpoints().snsClient();
  private static final SqsClient sqs = LocalAws.endpoints().sqsClient();
  private static final TableNames tables = LocalAws.freshTables();
  private static TopicBootstrap.Topic topic;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DynamoDbEventStore store =
      new DynamoDbEventStore(dynamo, tables, new EventCodec(), Clock.systemUTC(), meters);
  private final SnsPublicationActivities activities =
      new SnsPublicationActivities(
          store, new SnsEventPublisher(sns, topic.topicArn(), meters), meters);

  @BeforeAll
  static void createTablesAndTopic() {
    new TableBootstrap(dynamo).createMissing(tables);
    topic =
        new TopicBootstrap(sns, sqs).ensure("pub-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterAll
  static void close() {
    dynamo.close();
    sns.close();
    sqs.close();
  }

  @Test
  void givenStoredCommit_whenPublished_thenSubscriberReceivesTheEventAndMarkerIsCleared()
      throws Exception {
    String orderId = UUID.randomUUID().toString();
    NewCommit commit = Commits.orderCreated(orderId);
    store.append(commit);

    activities.publishCommit(orderId, 1);

    Message message = receiveOne();
    JsonNode body = new ObjectMapper().readTree(message.body());
    assertThat(body.get("orderId").asText()).isEqualTo(orderId);
    assertThat(body.get("version").asLong()).isEqualTo(1);
    assertThat(body.get("eventId").asText()).isEqualTo(commit.events().get(0).eventId());
    assertThat(body.get("type").asText()).isEqualTo("order-created");
    assertThat(body.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(body.get("data").get("currency").asText()).isEqualTo("EUR");
    assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .isEqualTo(orderId);
    assertThat(store.readCommit(orderId, 1))
        .get()
        .extracting(StoredCommit::unpublished)
        .isEqualTo(false);
  }

  @Test
  void givenPublishedCommit_whenPublishedAgain_thenNothingIsSentTwice() {
    String orderId = UUID.randomUUID().toString();
    store.append(Commits.orderCreated(orderId));
    activities.publishCommit(orderId, 1);
    receiveOne();

    activities.publishCommit(orderId, 1);

    assertThat(receiveAll()).isEmpty();
  }

  private Message receiveOne() {
    List<Message> messages = receiveAll();
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private List<Message> receiveAll() {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(topic.inspectionQueueUrl())
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      for (Message m : batch) {
        all.add(m);
        sqs.deleteMessage(
            r -> r.queueUrl(topic.inspectionQueueUrl()).receiptHandle(m.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return all;
  }
}
