package io.orderflow.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.bootstrap.TopicBootstrap;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.order.OrderPaid;
import io.orderflow.order.OrderShipped;
import io.orderflow.testing.Commits;
import io.orderflow.testing.LocalAws;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@code publishAppended} sends, from the commit the workflow holds, the very messages {@code
 * publishCommit} sends after reading the commit back: the same commit goes out once each way, to
 * two topics of its own (fauxqs, each with its FIFO inspection queue), and the messages are
 * compared text for text.
 */
class PublishAppendedTest {
  private static final DynamoDbClient dynamo = LocalAws.endpoints().dynamoDbClient();
  private static final SnsClient sns = LocalAws.endpoints().snsClient();
  private static final SqsClient sqs = LocalAws.endpoints().sqsClient();
  private static final TableNames tables = LocalAws.freshTables();
  private static final DataConverter temporal = DefaultDataConverter.newDefaultInstance();
  private static TopicBootstrap.Topic readBack;
  private static TopicBootstrap.Topic fromAppend;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DynamoDbEventStore store =
      new DynamoDbEventStore(dynamo, tables, new EventCodec(), Clock.systemUTC(), meters);
  private final SnsPublicationActivities readingBack =
      new SnsPublicationActivities(
          store, new SnsEventPublisher(sns, readBack.topicArn(), meters), meters);
  private final SnsPublicationActivities publishingAppended =
      new SnsPublicationActivities(
          store, new SnsEventPublisher(sns, fromAppend.topicArn(), meters), meters);

  @BeforeAll
  static void createTablesAndTopics() {
    new TableBootstrap(dynamo).createMissing(tables);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    TopicBootstrap topics = new TopicBootstrap(sns, sqs);
    readBack = topics.ensure("pub-read-" + suffix);
    fromAppend = topics.ensure("pub-appended-" + suffix);
  }

  @AfterAll
  static void close() {
    dynamo.close();
    sns.close();
    sqs.close();
  }

  @Test
  void givenACommitOfTwoEvents_whenPublishedFromTheAppend_thenTheMessagesAreThoseOfTheReadBack() {
    String orderId = UUID.randomUUID().toString();
    AppendResult created = store.append(Commits.orderCreated(orderId));
    NewCommit paidAndShipped = twoEvents(orderId, created.hash());
    AppendResult appended = store.append(paidAndShipped);

    readingBack.publishCommit(orderId, appended.firstVersion());
    List<Message> expected = receiveAll(readBack);
    // the workflow's commit reaches the activity through Temporal's data converter
    publishingAppended.publishAppended(
        throughTemporal(new AppendedCommit(paidAndShipped, appended)));
    List<Message> actual = receiveAll(fromAppend);

    assertThat(expected).hasSize(2);
    assertThat(actual).extracting(Message::body).containsExactlyElementsOf(bodies(expected));
    assertThat(actual)
        .extracting(PublishAppendedTest::routing)
        .containsExactlyElementsOf(expected.stream().map(PublishAppendedTest::routing).toList());
    assertThat(actual)
        .extracting(PublishAppendedTest::attributes)
        .containsExactlyElementsOf(expected.stream().map(PublishAppendedTest::attributes).toList());
  }

  @Test
  void givenACommitPublishedFromTheAppend_thenEachMessageIsRoutedByOrderAndDeduplicatedByEvent() {
    String orderId = UUID.randomUUID().toString();
    NewCommit commit = Commits.orderCreated(orderId);
    AppendResult appended = store.append(commit);

    publishingAppended.publishAppended(throughTemporal(new AppendedCommit(commit, appended)));

    assertThat(receiveAll(fromAppend))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(routing(m)).containsExactly(orderId, commit.events().get(0).eventId());
              assertThat(attributes(m))
                  .containsEntry("type", "String:order-created")
                  .containsEntry("schemaVersion", "Number:2")
                  .containsEntry("orderId", "String:" + orderId);
            });
  }

  @Test
  void givenACommitPublishedFromTheAppend_thenItsUnpublishedMarkerIsCleared() {
    String orderId = UUID.randomUUID().toString();
    NewCommit commit = Commits.orderCreated(orderId);
    AppendResult appended = store.append(commit);

    publishingAppended.publishAppended(throughTemporal(new AppendedCommit(commit, appended)));
    receiveAll(fromAppend);

    assertThat(store.readCommit(orderId, 1))
        .get()
        .extracting(StoredCommit::unpublished)
        .isEqualTo(false);
  }

  private static NewCommit twoEvents(String orderId, String prevHash) {
    Instant at = Instant.parse("2026-11-26T10:16:00.456Z");
    return new NewCommit(
        orderId,
        1,
        UUID.randomUUID().toString(),
        prevHash,
        List.of(
            new NewEvent(
                UUID.randomUUID().toString(), at, new OrderPaid("pay-1", new BigDecimal("25.00"))),
            new NewEvent(UUID.randomUUID().toString(), at, new OrderShipped("DHL", "T-1"))),
        new CommitMetadata("corr-2", "cause-2", "test", "order-" + orderId),
        0L);
  }

  private static AppendedCommit throughTemporal(AppendedCommit commit) {
    return temporal.fromPayload(
        temporal.toPayload(commit).orElseThrow(), AppendedCommit.class, AppendedCommit.class);
  }

  private static List<String> bodies(List<Message> messages) {
    return messages.stream().map(Message::body).toList();
  }

  /** Message group id and deduplication id. */
  private static List<String> routing(Message m) {
    return List.of(
        m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
        m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));
  }

  /** Each message attribute as {@code dataType:value}. */
  private static Map<String, String> attributes(Message m) {
    Map<String, String> attributes = new TreeMap<>();
    m.messageAttributes()
        .forEach(
            (name, value) -> attributes.put(name, value.dataType() + ":" + value.stringValue()));
    return attributes;
  }

  private static List<Message> receiveAll(TopicBootstrap.Topic topic) {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(topic.inspectionQueueUrl())
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageAttributeNames("All")
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
