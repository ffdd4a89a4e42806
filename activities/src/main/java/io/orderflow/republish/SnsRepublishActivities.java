package io.orderflow.republish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.eventstore.dynamodb.ExplorerPage;
import io.orderflow.eventstore.dynamodb.ExplorerQuery;
import io.orderflow.eventstore.dynamodb.InvalidQuery;
import io.orderflow.eventstore.dynamodb.UnpublishedIndex;
import io.orderflow.publication.SnsEventPublisher;
import io.orderflow.recovery.republish.BatchRequest;
import io.orderflow.recovery.republish.CommitRef;
import io.orderflow.recovery.republish.PlanRequest;
import io.orderflow.recovery.republish.RepublishActivities;
import io.orderflow.recovery.republish.RepublishBatch;
import io.orderflow.recovery.republish.RepublishPlan;
import io.orderflow.recovery.republish.RepublishSource;
import io.orderflow.recovery.republish.SendRequest;
import io.orderflow.recovery.republish.SendResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Republishing against DynamoDB, SNS and SQS. Events go out through the same {@link
 * SnsEventPublisher} as on the normal path, so a republished message is byte for byte the one the
 * normal path would have sent, with the event id as its deduplication id.
 */
public final class SnsRepublishActivities implements RepublishActivities {
  private static final int SAMPLE_PER_BATCH = 20;
  private static final long ESTIMATE_CAP = 1_000_000;

  private final DynamoDbEventStore store;
  private final DynamoDbClient dynamo;
  private final ActiveTables tables;
  private final EventExplorer explorer;
  private final SnsEventPublisher publisher;
  private final DeadLetters deadLetters;
  private final RepublishSettings settings;
  private final Clock clock;
  private final Pacer.Sleeper sleeper;
  private final Map<RepublishSource, Counter> sent = new EnumMap<>(RepublishSource.class);

  public SnsRepublishActivities(
      DynamoDbEventStore store,
      DynamoDbClient dynamo,
      ActiveTables tables,
      EventExplorer explorer,
      SnsEventPublisher publisher,
      SqsClient sqs,
      RepublishSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.store = store;
    this.dynamo = dynamo;
    this.tables = tables;
    this.explorer = explorer;
    this.publisher = publisher;
    this.deadLetters = new DeadLetters(sqs);
    this.settings = settings;
    this.clock = clock;
    this.sleeper = duration -> Thread.sleep(duration.toMillis());
    for (RepublishSource source : RepublishSource.values()) {
      sent.put(
          source,
          Counter.builder("orderflow.republish.events")
              .description("Events sent to SNS again by the republish runbook")
              .tag("source", source.wireName())
              .register(meters));
    }
  }

  /** Where a batch stood at its last heartbeat: the commits done and what they added up to. */
  public record Checkpoint(List<String> done, SendResult sofar) {}

  @Override
  public RepublishPlan republishPlan(PlanRequest request) {
    String queueUrl = null;
    long estimate = -1; // a time range: unknown until walked
    if (request.source() == RepublishSource.UNPUBLISHED) {
      estimate = new UnpublishedIndex(dynamo, tables).count(ESTIMATE_CAP);
    } else if (request.source() == RepublishSource.DLQ) {
      queueUrl = deadLetterQueue();
      estimate = deadLetters.approximateCount(queueUrl);
    }
    return new RepublishPlan(
        settings.eventsPerSecond(),
        settings.batchSize(),
        settings.minAge().toSeconds(),
        queueUrl,
        estimate);
  }

  private String deadLetterQueue() {
    try {
      return deadLetters
          .resolve(settings.deadLetterQueue())
          .orElseThrow(
              () ->
                  ApplicationFailure.newNonRetryableFailure(
                      "no dead-letter queue is configured: set"
                          + " orderflow.republish.dead-letter-queue (docs/runbooks/republish.md)",
                      "DeadLetterQueueNotConfigured"));
    } catch (IllegalStateException missing) {
      throw ApplicationFailure.newNonRetryableFailure(
          missing.getMessage() + " (orderflow.republish.dead-letter-queue)",
          "DeadLetterQueueNotConfigured");
    }
  }

  @Override
  public RepublishBatch nextRepublishBatch(BatchRequest request) {
    switch (request.source()) {
      case UNPUBLISHED:
        UnpublishedWalk.Step step =
            new UnpublishedWalk(dynamo, tables)
                .next(
                    CommitItems.sortableTime(Instant.parse(request.cutoff())),
                    request.cursor(),
                    request.limit());
        return new RepublishBatch(step.commits(), step.next(), 0, List.of());
      case RANGE:
        return range(request);
      default:
        return deadLetters(request);
    }
  }

  private RepublishBatch range(BatchRequest request) {
    ExplorerPage page;
    try {
      page =
          explorer.query(
              new ExplorerQuery(
                  Instant.parse(request.from()),
                  Instant.parse(request.to()),
                  Optional.empty(),
                  Math.min(request.limit(), ExplorerQuery.MAX_LIMIT),
                  Optional.ofNullable(request.cursor())));
    } catch (InvalidQuery invalid) {
      throw ApplicationFailure.newNonRetryableFailure(
          invalid.parameter() + " " + invalid.getMessage(), "InvalidRange");
    }
    List<CommitRef> commits = new ArrayList<>();
    String orderId = null;
    long version = -1;
    List<String> eventIds = null;
    for (ExplorerPage.Entry entry : page.events()) {
      if (!entry.orderId().equals(orderId) || entry.commitVersion() != version) {
        orderId = entry.orderId();
        version = entry.commitVersion();
        eventIds = new ArrayList<>();
        commits.add(new CommitRef(orderId, version, eventIds, List.of()));
      }
      eventIds.add(entry.event().eventId());
    }
    return new RepublishBatch(commits, page.nextPageToken().orElse(null), 0, List.of());
  }

  private RepublishBatch deadLetters(BatchRequest request) {
    String queueUrl = request.deadLetterQueueUrl();
    DeadLetters.Received received =
        deadLetters.receive(queueUrl, request.limit(), settings.visibilityTimeout());
    List<CommitRef> commits = new ArrayList<>();
    for (DeadLetters.Letter letter : received.letters()) {
      commits.add(
          new CommitRef(
              letter.orderId(),
              letter.version(),
              List.of(letter.eventId()),
              List.of(letter.receipt())));
    }
    if (request.dryRun()) {
      // One batch is all a dry run sees (a FIFO queue holds back the rest of a message group
      // while some of it is in flight); the queue is left as it was found.
      deadLetters.release(queueUrl, received.receipts());
      return new RepublishBatch(commits, null, received.unreadable().size(), received.unreadable());
    }
    // A batch that names no event ends the walk: what it read is unreadable, and would be read
    // again once its visibility timeout is up.
    return new RepublishBatch(
        commits,
        commits.isEmpty() ? null : "more",
        received.unreadable().size(),
        received.unreadable());
  }

  @Override
  public SendResult republishBatch(SendRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Checkpoint resumed = context.getHeartbeatDetails(Checkpoint.class).orElse(null);
    BatchTally tally = new BatchTally(resumed, SAMPLE_PER_BATCH);
    List<SendPlan.Planned> plan = SendPlan.of(request, store::readCommits, tally.problems());
    Pacer pacer = new Pacer(request.eventsPerSecond(), clock, sleeper);
    for (SendPlan.Planned planned : plan) {
      if (tally.isDone(planned.key())) {
        continue;
      }
      if (request.source() == RepublishSource.UNPUBLISHED && !planned.commit().unpublished()) {
        tally.skipped(planned.key()); // the normal path got it out meanwhile
        context.heartbeat(tally.checkpoint());
        continue;
      }
      if (!request.dryRun()) {
        send(request, planned, pacer, () -> context.heartbeat(tally.checkpoint()), tally);
      }
      tally.sent(planned);
      context.heartbeat(tally.checkpoint());
    }
    return tally.result();
  }

  private void send(
      SendRequest request,
      SendPlan.Planned planned,
      Pacer pacer,
      Runnable heartbeat,
      BatchTally tally) {
    int events = planned.events().size();
    pacer.take(events, heartbeat);
    publisher.publish(planned.toSend()); // returns once SNS accepted every event
    sent.get(request.source()).increment(events);
    boolean wholeCommitOut =
        planned.reachesEnd() && (planned.whole() || request.source() == RepublishSource.RANGE);
    if (planned.commit().unpublished() && wholeCommitOut) {
      store.markPublished(planned.commit().orderId(), planned.commit().version());
      tally.marked();
    }
    if (!planned.receipts().isEmpty()) {
      tally.deleted(
          deadLetters.delete(
              request.deadLetterQueueUrl(), new ArrayList<>(planned.receipts().values())));
    }
  }
}
