package io.orderflow.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** An SQS queue subscribed to the events topic, read as a downstream consumer would read it. */
public final class SubscriberQueue {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SubscriberQueue() {}

  /** Every message the queue holds now, each read once and deleted, in the order received. */
  public static List<JsonNode> drain(SqsClient sqs, String queueUrl) {
    List<JsonNode> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      for (Message m : batch) {
        try {
          all.add(JSON.readTree(m.body()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return all;
  }
}
