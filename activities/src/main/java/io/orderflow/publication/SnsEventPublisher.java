package io.orderflow.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes stored events to the FIFO topic: message group = order id, so one order's events keep
 * their order; deduplication id = event id, so a retry never delivers twice.
 */
public final class SnsEventPublisher {
  private final SnsClient sns;
  private final String topicArn;
  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private final Timer latency;

  public SnsEventPublisher(SnsClient sns, String topicArn, MeterRegistry meters) {
    this.sns = sns;
    this.topicArn = topicArn;
    this.latency =
        Timer.builder("orderflow.events.publication.latency")
            .description("Time to publish one commit's events to SNS")
            .publishPercentileHistogram()
            .register(meters);
  }

  public void publish(StoredCommit commit) {
    latency.record(
        () -> {
          for (StoredEvent event : commit.events()) {
            publish(commit, event);
          }
        });
  }

  private void publish(StoredCommit commit, StoredEvent event) {
    EventMessage message =
        new EventMessage(
            commit.orderId(),
            event.version(),
            event.eventId(),
            event.type(),
            event.schemaVersion(),
            event.occurredAt(),
            commit.metadata().correlationId(),
            event.data());
    sns.publish(
        r ->
            r.topicArn(topicArn)
                .message(toJson(message))
                .messageGroupId(commit.orderId())
                .messageDeduplicationId(event.eventId())
                .messageAttributes(
                    Map.of(
                        "type", text(event.type()),
                        "schemaVersion", number(event.schemaVersion()),
                        "orderId", text(commit.orderId()))));
  }

  private String toJson(EventMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode message for " + message.eventId(), e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static MessageAttributeValue number(int value) {
    return MessageAttributeValue.builder()
        .dataType("Number")
        .stringValue(Integer.toString(value))
        .build();
  }
}
