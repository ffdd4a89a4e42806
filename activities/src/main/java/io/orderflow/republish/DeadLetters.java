package io.orderflow.republish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * An SQS dead-letter queue of the order-events topic's subscribers. Its messages are the topic's
 * messages: the event message as the publisher wrote it (raw delivery), or SNS's notification
 * envelope around it; either way they carry the order id, the event's version and its id.
 */
final class DeadLetters {
  private static final int MAX_PER_RECEIVE = 10; // SQS's limit

  private final SqsClient sqs;
  private final ObjectMapper json = new ObjectMapper();

  DeadLetters(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** What one message names, and the receipt that deletes it. */
  record Letter(String orderId, long version, String eventId, String receipt) {}

  /**
   * Messages read: the ones that name an event, why the others do not, and every receipt (to
   * release them all after a dry run).
   */
  record Received(List<Letter> letters, List<String> unreadable, List<String> receipts) {}

  /** The queue's URL: {@code queue} is a URL already, or a name to look up; empty for none. */
  Optional<String> resolve(String queue) {
    if (queue == null || queue.isBlank()) {
      return Optional.empty();
    }
    if (queue.startsWith("http://") || queue.startsWith("https://")) {
      return Optional.of(queue);
    }
    try {
      return Optional.of(sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl());
    } catch (QueueDoesNotExistException missing) {
      throw new IllegalStateException(
          "the dead-letter queue " + queue + " does not exist", missing);
    }
  }

  long approximateCount(String queueUrl) {
    String count =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    return count == null ? -1 : Long.parseLong(count);
  }

  /**
   * Reads up to {@code limit} messages, hiding each from other readers for {@code visibility};
   * stops early when the queue has no more to give (a FIFO queue holds back the rest of a message
   * group while some of it is in flight).
   */
  Received receive(String queueUrl, int limit, Duration visibility) {
    List<Letter> letters = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    List<String> receipts = new ArrayList<>();
    while (letters.size() + unreadable.size() < limit) {
      int want = Math.min(MAX_PER_RECEIVE, limit - letters.size() - unreadable.size());
      List<Message> messages =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(queueUrl)
                          .maxNumberOfMessages(want)
                          .visibilityTimeout((int) visibility.toSeconds())
                          .waitTimeSeconds(1))
              .messages();
      if (messages.isEmpty()) {
        break;
      }
      for (Message message : messages) {
        receipts.add(message.receiptHandle());
        try {
          letters.add(read(message));
        } catch (RuntimeException | java.io.IOException e) {
          unreadable.add("message " + message.messageId() + " names no event: " + e.getMessage());
        }
      }
    }
    return new Received(letters, unreadable, receipts);
  }

  /** Deletes the messages whose events went out. */
  int delete(String queueUrl, List<String> receipts) {
    int deleted = 0;
    for (int from = 0; from < receipts.size(); from += MAX_PER_RECEIVE) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      List<String> chunk =
          receipts.subList(from, Math.min(receipts.size(), from + MAX_PER_RECEIVE));
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(chunk.get(i))
                .build());
      }
      deleted +=
          sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).successful().size();
    }
    return deleted;
  }

  /** Makes messages visible again at once: a dry run leaves the queue as it found it. */
  void release(String queueUrl, List<String> receipts) {
    for (String receipt : receipts) {
      sqs.changeMessageVisibility(
          r -> r.queueUrl(queueUrl).receiptHandle(receipt).visibilityTimeout(0));
    }
  }

  private Letter read(Message message) throws java.io.IOException {
    JsonNode body = json.readTree(message.body());
    if (body.has("Type") && body.has("Message")) {
      body = json.readTree(body.get("Message").asText()); // SNS's envelope, without raw delivery
    }
    String orderId = text(body, "orderId");
    String eventId = text(body, "eventId");
    if (!body.hasNonNull("version") || !body.get("version").canConvertToLong()) {
      throw new IllegalArgumentException("no version");
    }
    return new Letter(orderId, body.get("version").asLong(), eventId, message.receiptHandle());
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("no " + field);
    }
    return value.asText();
  }
}
