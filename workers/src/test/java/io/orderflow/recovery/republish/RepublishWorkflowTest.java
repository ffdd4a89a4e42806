package io.orderflow.recovery.republish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.eventstore.dynamodb.UnpublishedIndex;
import io.orderflow.operations.OperationRecord;
import io.orderflow.publication.SnsPublicationActivities;
import io.orderflow.recovery.check.CheckReport;
import io.orderflow.recovery.check.FindingKind;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The republish runbook with its real activities against the test dynalite and fauxqs: events that
 * never reached SNS are found by the consistency check, then delivered by republish exactly once
 * per event id, in order per order, as the topic's FIFO subscriber sees them.
 */
class RepublishWorkflowTest {
  static final int ORDERS = 12;
  static final int EVENTS = 33; // 1+2+3+4+5, twice, then 1+2: every commit holds one event

  final RepublishHarness harness = new RepublishHarness(ORDERS);

  @AfterEach
  void close() {
    harness.close();
  }

  RepublishInput input(String id, RepublishSource source, boolean dryRun) {
    return new RepublishInput("op-" + id, "tester", source, null, null, dryRun, null, null);
  }

  Set<String> storedEventIds() {
    return harness.orders.ids.stream()
        .flatMap(id -> harness.orders.store.readEvents(id).stream())
        .map(StoredEvent::eventId)
        .collect(Collectors.toSet());
  }

  long unpublished() {
    return new UnpublishedIndex(harness.orders.dynamo, harness.orders.active).count(1_000);
  }

  @Test
  @DisplayName(
      "events left unpublished are found by the check and delivered by republish exactly once per"
          + " event id, in order per order; a second run and a range run deliver nothing new")
  void unpublishedEventsAreFoundAndDeliveredOnce() throws Exception {
    harness.startWorker(harness.republish(200, 5, ""));
    // the normal path, made to fail: a topic that does not exist leaves the commit unpublished
    SnsPublicationActivities failing =
        new SnsPublicationActivities(
            harness.orders.store,
            harness.publisher("arn:aws:sns:us-east-1:000000000000:no-such-topic.fifo"),
            new SimpleMeterRegistry());
    assertThatThrownBy(() -> failing.publishCommit(harness.orders.ids.get(0), 1))
        .isInstanceOf(RuntimeException.class);
    Instant before = Instant.now().minusSeconds(60);

    CheckReport check = harness.check("before");
    assertThat(check.counts().get(FindingKind.STALE_UNPUBLISHED)).isEqualTo(EVENTS);

    RepublishReport report =
        harness.republish("unpublished", input("unpublished", RepublishSource.UNPUBLISHED, false));

    assertThat(report.outcome()).isEqualTo("SENT");
    assertThat(report.totals().events()).isEqualTo(EVENTS);
    assertThat(report.totals().commits()).isEqualTo(EVENTS);
    assertThat(report.totals().markedPublished()).isEqualTo(EVENTS);
    assertThat(report.totals().batches()).isGreaterThan(1);
    List<JsonNode> delivered = harness.delivered();
    assertThat(delivered).hasSize(EVENTS);
    assertThat(delivered.stream().map(m -> m.get("eventId").asText()).collect(Collectors.toSet()))
        .isEqualTo(storedEventIds());
    Map<String, List<Long>> versionsByOrder = new LinkedHashMap<>();
    delivered.forEach(
        m ->
            versionsByOrder
                .computeIfAbsent(m.get("orderId").asText(), k -> new ArrayList<>())
                .add(m.get("version").asLong()));
    versionsByOrder.values().forEach(versions -> assertThat(versions).isSorted());
    assertThat(unpublished()).isZero();
    OperationRecord op = harness.registry.find("op-unpublished").orElseThrow();
    assertThat(op.kind()).isEqualTo("REPUBLISH");
    assertThat(op.status()).isEqualTo("SUCCEEDED");
    assertThat(op.phase()).isEqualTo("DONE");
    assertThat(op.result()).containsEntry("outcome", "SENT");
    assertThat(harness.check("after").counts().get(FindingKind.STALE_UNPUBLISHED)).isZero();
    harness.record("republish-unpublished", "republish-unpublished.json");

    RepublishReport again =
        harness.republish("again", input("again", RepublishSource.UNPUBLISHED, false));
    assertThat(again.totals().events()).isZero();

    RepublishReport range =
        harness.republish(
            "range",
            new RepublishInput(
                "op-range",
                "tester",
                RepublishSource.RANGE,
                before.toString(),
                Instant.now().plusSeconds(60).toString(),
                false,
                500,
                null));
    assertThat(range.totals().events()).isEqualTo(EVENTS); // sent again, as asked ...
    assertThat(harness.delivered()).isEmpty(); // ... and deduplicated by event id on the topic
  }

  @Test
  @DisplayName("a dry run reports what it would send and sends, marks and deletes nothing")
  void dryRunSendsNothing() throws Exception {
    harness.startWorker(harness.republish(200, 7, ""));

    RepublishReport report =
        harness.republish("dry", input("dry", RepublishSource.UNPUBLISHED, true));

    assertThat(report.outcome()).isEqualTo("DRY_RUN");
    assertThat(report.totals().events()).isEqualTo(EVENTS);
    assertThat(report.totals().markedPublished()).isZero();
    assertThat(report.totals().sent()).hasSize(EVENTS);
    assertThat(harness.delivered()).isEmpty();
    assertThat(unpublished()).isEqualTo(EVENTS);
    assertThat(harness.registry.find("op-dry").orElseThrow().result())
        .containsEntry("outcome", "DRY_RUN")
        .containsEntry("dryRun", true);
  }

  @Test
  @DisplayName(
      "a dead-letter queue is redriven (after a dry run that leaves it as it was): the events its"
          + " messages name go out once, their messages are deleted, one naming no event stays")
  void deadLettersAreRedriven() throws Exception {
    String queue = "rp-dlq-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
    String queueUrl =
        harness
            .sqs
            .createQueue(
                r ->
                    r.queueName(queue)
                        .attributes(
                            Map.of(
                                QueueAttributeName.FIFO_QUEUE, "true",
                                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
            .queueUrl();
    List<StoredEvent> named = new ArrayList<>();
    for (int i : new int[] {2, 3, 4}) {
      String orderId = harness.orders.ids.get(i);
      StoredEvent event = harness.orders.store.readEvents(orderId).get(1);
      named.add(event);
      String body =
          "{\"orderId\":\"" + orderId + "\",\"version\":2,\"eventId\":\"" + event.eventId() + "\"}";
      // one as SNS wraps it without raw delivery, the others as raw deliveries
      String message =
          i == 3 ? "{\"Type\":\"Notification\",\"Message\":" + quoted(body) + "}" : body;
      harness.sqs.sendMessage(
          r -> r.queueUrl(queueUrl).messageBody(message).messageGroupId(orderId));
    }
    harness.sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("hello").messageGroupId("x"));
    harness.startWorker(harness.republish(200, 10, queue));
    RepublishReport dry = harness.republish("dlq-dry", input("dlq-dry", RepublishSource.DLQ, true));
    assertThat(dry.totals().events()).isEqualTo(3);
    assertThat(dry.totals().deadLettersDeleted()).isZero();
    assertThat(harness.delivered()).isEmpty(); // and the messages are back in the queue at once

    RepublishReport report = harness.republish("dlq", input("dlq", RepublishSource.DLQ, false));

    assertThat(report.totals().events()).isEqualTo(3);
    assertThat(report.totals().deadLettersDeleted()).isEqualTo(3);
    assertThat(report.totals().markedPublished()).isEqualTo(3); // one event per commit
    assertThat(report.totals().unreadable()).isEqualTo(1);
    assertThat(report.totals().problems()).anyMatch(p -> p.contains("names no event"));
    assertThat(harness.delivered())
        .extracting(m -> m.get("eventId").asText())
        .containsExactlyInAnyOrderElementsOf(named.stream().map(StoredEvent::eventId).toList());
    for (int i : new int[] {2, 3, 4}) {
      StoredCommit commit =
          harness.orders.store.readCommit(harness.orders.ids.get(i), 2).orElseThrow();
      assertThat(commit.unpublished()).isFalse();
    }
    Thread.sleep(RepublishHarness.VISIBILITY.toMillis() + 500); // the unreadable one's comes back
    List<Message> left =
        harness
            .sqs
            .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages();
    assertThat(left).extracting(Message::body).containsExactly("hello");
  }

  @Test
  @DisplayName("the dead-letter source without a configured queue fails, saying what to set")
  void deadLetterQueueMustBeConfigured() {
    harness.startWorker(harness.republish(200, 10, ""));

    RepublishWorkflow workflow =
        harness.start("no-dlq", input("no-dlq", RepublishSource.DLQ, false));

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(workflow)
                    .getResult(60, TimeUnit.SECONDS, RepublishReport.class))
        .isInstanceOf(WorkflowFailedException.class);
    OperationRecord op = harness.registry.find("op-no-dlq").orElseThrow();
    assertThat(op.status()).isEqualTo("FAILED");
    assertThat(op.error()).contains("orderflow.republish.dead-letter-queue");
  }

  @Test
  @DisplayName("a republish cancelled mid-way stops between events and records CANCELLED")
  void cancelledRepublishRecordsCancelled() throws Exception {
    harness.startWorker(harness.republish(2, 10, "")); // 2 events/s: 33 events take 16 s

    RepublishWorkflow workflow =
        harness.start("cancelled", input("cancelled", RepublishSource.UNPUBLISHED, false));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (unpublished() == EVENTS && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(workflow)
                    .getResult(60, TimeUnit.SECONDS, RepublishReport.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    OperationRecord op = harness.registry.find("op-cancelled").orElseThrow();
    assertThat(op.status()).isEqualTo("CANCELLED");
    assertThat(op.phase()).isEqualTo("CANCELLED");
    assertThat(unpublished()).isBetween(1L, EVENTS - 1L);
    harness.record("republish-cancelled", "republish-cancelled.json");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
