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
import java.util.List;
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

  /** Publishes the stored commit's events, in order. */
  public void publish(StoredCommit commit) {
    publish(commit.orderId(), commit.metadata().correlationId(), commit.events());
  }

  /**
   * Publishes one commit's events, in order, each as its stored form says.
   *
   * @param correlationId the commit's, carried on every message
   */
  public void publish(String orderId, String correlationId, List<StoredEvent> events) {
    latency.record(
        () -> {
          for (StoredEvent event : events) {
            publish(orderId, correlationId, event);
          }
        });
  }

  private void publish(String orderId, String correlationId, StoredEvent event) {
    EventMessage message =
        new EventMessage(
            orderId,
            event.version(),
            event.eventId(),
            event.type(),
            event.schemaVersion(),
            event.occurredAt(),
            correlationId,
            event.data());
    sns.publish(
        r ->
            r.topicArn(topicArn)
                .message(toJson(message))
                .messageGroupId(orderId)
                .messageDeduplicationId(event.eventId())
                .messageAttributes(
                    Map.of(
                        "type", text(event.type()),
                        "schemaVersion", number(event.schemaVersion()),
                        "orderId", text(orderId))));
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
