package io.orderflow.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.eventstore.AppendResult;
import io.orderflow.eventstore.CommitMetadata;
import io.orderflow.eventstore.NewCommit;
import io.orderflow.eventstore.NewEvent;
import io.orderflow.eventstore.dynamodb.ConcurrencyConflict;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.InvalidCommit;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.order.HistoryCorrections;
import io.orderflow.order.HistoryCorrections.Append;
import io.orderflow.order.HistoryCorrections.Operator;
import io.orderflow.order.HistoryCorrections.Remedy;
import io.orderflow.order.OrderCorrected;
import io.orderflow.order.RecordedEvent;
import io.orderflow.recovery.replay.CorrectionOutcome;
import io.orderflow.recovery.replay.HistoryCorrection;
import io.orderflow.recovery.replay.ReplayBatch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Appends the corrective events one order's history needs, each as its own commit at the head of
 * the stream, through the store's conditional put. A retry is harmless twice over: the corrections
 * this operation appended before are found in the stream and reported instead of appended again,
 * and the commit id derives from operation, order, version and rule, so a put that landed unseen is
 * the store's same-commit retry. The order's own workflow appending meanwhile is a concurrency
 * conflict: the stream is read again and the remedy decided again, a bounded number of times.
 */
final class HistoryCorrector {
  static final int MAX_CONFLICTS = 3;
  static final String ACTOR = "replay";

  private final DynamoDbEventStore store;
  private final Clock clock;
  private final Counter appended;
  private final Counter skipped;
  private final Counter needsOperator;

  HistoryCorrector(DynamoDbEventStore store, MeterRegistry meters, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.appended = counter(meters, "appended");
    this.skipped = counter(meters, "skipped");
    this.needsOperator = counter(meters, "needs-operator");
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("orderflow.replay.corrections")
        .description("Corrections real replays found stored histories to need, by what was done")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * What the history needs, each violation once; in a real run of a corrective batch, the automatic
   * corrections are appended first.
   *
   * @param workflowId the replay's workflow, recorded with each commit
   */
  List<HistoryCorrection> correct(ReplayStream read, ReplayBatch batch, String workflowId) {
    boolean append = !batch.dryRun() && batch.appendCorrections();
    List<HistoryCorrection> out = new ArrayList<>();
    if (append) {
      out.addAll(appendedEarlier(read, batch.operationId()));
    }
    ReplayStream stream = read;
    int conflicts = 0;
    Set<String> done = new HashSet<>();
    while (true) {
      String orderId = stream.orderId();
      List<Remedy> remedies =
          HistoryCorrections.remedies(orderId, stream.events(), batch.operationId());
      Optional<Append> next =
          remedies.stream().filter(Append.class::isInstance).map(Append.class::cast).findFirst();
      String refused = null;
      if (append && next.isPresent() && done.contains(key(next.get()))) {
        refused = "a correction appended here did not answer the violation"; // never loop
      } else if (append && next.isPresent()) {
        try {
          stream = appendOne(stream, next.get().event(), batch, workflowId);
          done.add(key(next.get()));
          appended.increment();
          out.add(appended(orderId, next.get(), stream.version()));
          continue;
        } catch (ConcurrencyConflict e) {
          if (++conflicts <= MAX_CONFLICTS) {
            stream = ReplayStream.read(store, orderId);
            continue;
          }
          refused = "the order kept changing: " + conflicts + " concurrency conflicts";
        } catch (InvalidCommit e) {
          refused = "the store refused the correction: " + e.getMessage();
        }
      }
      for (Remedy remedy : remedies) {
        out.add(report(orderId, remedy, append, refused));
      }
      return out;
    }
  }

  private static String key(Remedy remedy) {
    return remedy.violation().version() + "/" + remedy.violation().rule();
  }

  private ReplayStream appendOne(
      ReplayStream stream, OrderCorrected event, ReplayBatch batch, String workflowId) {
    // The order's workflow may have appended since the read: confirm the head before the put.
    Optional<StoredCommit> head = store.head(stream.orderId());
    long headVersion = head.map(StoredCommit::lastVersion).orElse(0L);
    if (headVersion != stream.version()
        || !head.map(StoredCommit::hash).orElse(NewCommit.GENESIS_HASH).equals(stream.lastHash())) {
      throw new ConcurrencyConflict(stream.orderId(), stream.version(), headVersion);
    }
    String commitId =
        id(batch.operationId(), stream.orderId(), event.correctsVersion() + "", event.rule());
    String eventId = id(commitId, "event");
    Instant now = clock.instant();
    AppendResult landed =
        store.append(
            new NewCommit(
                stream.orderId(),
                stream.version(),
                commitId,
                stream.lastHash(),
                List.of(new NewEvent(eventId, now, event)),
                new CommitMetadata(
                    batch.operationId(),
                    batch.operationId(),
                    batch.startedBy() == null ? ACTOR : batch.startedBy(),
                    workflowId)));
    return stream.plus(
        new RecordedEvent(landed.firstVersion(), eventId, now, event), landed.hash());
  }

  /** Corrections this operation appended in an attempt that did not report them. */
  private static List<HistoryCorrection> appendedEarlier(ReplayStream stream, String operationId) {
    List<HistoryCorrection> found = new ArrayList<>();
    for (RecordedEvent e : stream.events()) {
      if (e.event() instanceof OrderCorrected c && Objects.equals(c.operationId(), operationId)) {
        List<RecordedEvent> before =
            stream.events().stream().filter(b -> b.version() < e.version()).toList();
        HistoryCorrections.remedies(stream.orderId(), before, operationId).stream()
            .filter(r -> r.violation().version() == c.correctsVersion())
            .filter(r -> r.violation().rule().equals(c.rule()))
            .findFirst()
            .ifPresent(r -> found.add(appended(stream.orderId(), r, e.version())));
      }
    }
    return found;
  }

  private static HistoryCorrection appended(String orderId, Remedy remedy, long version) {
    OrderCorrected event = ((Append) remedy).event();
    return correction(orderId, remedy, CorrectionOutcome.APPENDED, event.reason(), event, version);
  }

  private HistoryCorrection report(String orderId, Remedy remedy, boolean real, String skippedWhy) {
    if (remedy instanceof Operator operator) {
      if (real) {
        needsOperator.increment();
      }
      return correction(orderId, remedy, CorrectionOutcome.NEEDS_OPERATOR, operator.why(), null, 0);
    }
    OrderCorrected event = ((Append) remedy).event();
    if (skippedWhy != null) {
      skipped.increment();
      return correction(orderId, remedy, CorrectionOutcome.SKIPPED, skippedWhy, event, 0);
    }
    return correction(orderId, remedy, CorrectionOutcome.WOULD_APPEND, event.reason(), event, 0);
  }

  private static HistoryCorrection correction(
      String orderId,
      Remedy remedy,
      CorrectionOutcome outcome,
      String reason,
      OrderCorrected event,
      long version) {
    return new HistoryCorrection(
        orderId,
        remedy.violation().version(),
        remedy.violation().rule(),
        remedy.violation().detail(),
        outcome,
        reason,
        event == null ? null : text(event.amountPaid()),
        event == null ? null : text(event.amountRefunded()),
        version,
        null);
  }

  private static String text(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }

  private static String id(String... parts) {
    return UUID.nameUUIDFromBytes(
            ("order-corrected:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
