package io.orderflow.recovery.republish;

import io.orderflow.recovery.Failures;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationProgress;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.OperationStatus;
import io.orderflow.recovery.OperationsActivities;
import io.orderflow.recovery.Progress;
import io.orderflow.recovery.RecoveryStubs;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The republish runbook (docs/runbooks/republish.md): plan → batches of the source, each read then
 * sent at the configured pace → the report in the operations registry. A long run continues as new
 * every {@link #BATCHES_PER_RUN} batches, its state handed over whole.
 */
public class RepublishWorkflowImpl implements RepublishWorkflow {
  static final int BATCHES_PER_RUN = 200;
  private static final RetryOptions RETRY = RecoveryStubs.retry("DeadLetterQueueNotConfigured");

  // A cancel lets the batch in flight stop between two commits, so the report's totals hold.
  private final RepublishActivities send =
      RecoveryStubs.heartbeating(
          RepublishActivities.class,
          Duration.ofHours(1),
          ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
          RETRY);
  private final RepublishActivities step =
      RecoveryStubs.steps(RepublishActivities.class, Duration.ofMinutes(2), RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  private RepublishPhase phase = RepublishPhase.STARTING;
  private long done;
  private long total;
  private RepublishState state;

  @Override
  public RepublishReport run(RepublishInput input) {
    enter(RepublishPhase.STARTING, "planning: " + input.source().wireName());
    try {
      operations.recordStart(start(input));
      state = input.state() != null ? input.state() : begin(input);
      total = Math.max(0, state.plan().estimate());
      count(state.totals());
      enter(
          RepublishPhase.SENDING,
          (input.dryRun() ? "dry run: listing " : "sending ")
              + input.source().wireName()
              + " at "
              + state.eventsPerSecond()
              + " events/s");
      for (int batches = 1; ; batches++) {
        RepublishBatch batch =
            step.nextRepublishBatch(
                new BatchRequest(
                    input.source(),
                    input.from(),
                    input.to(),
                    state.cutoff(),
                    state.cursor(),
                    state.plan().batchSize(),
                    state.plan().deadLetterQueueUrl(),
                    input.dryRun()));
        SendResult result =
            batch.commits().isEmpty()
                ? new SendResult(0, 0, 0, 0, 0, List.of(), List.of())
                : send.republishBatch(
                    new SendRequest(
                        input.source(),
                        batch.commits(),
                        input.dryRun(),
                        state.eventsPerSecond(),
                        state.cutoff(),
                        state.plan().deadLetterQueueUrl()));
        state = state.after(batch.nextCursor(), state.totals().plus(batch, result));
        count(state.totals());
        operations.recordProgress(new OperationProgress(input.operationId(), progress()));
        Workflow.setCurrentDetails(
            (input.dryRun() ? "would send " : "sent ")
                + state.totals().events()
                + " events of "
                + state.totals().commits()
                + " commits");
        if (batch.nextCursor() == null) {
          break;
        }
        if (batches >= BATCHES_PER_RUN) {
          Workflow.continueAsNew(input.continuing(state));
        }
      }
      RepublishReport report = report(input, input.dryRun() ? "DRY_RUN" : "SENT");
      enter(RepublishPhase.DONE, report.outcome() + ": " + report.totals().events() + " events");
      done = Math.max(done, total);
      operations.recordFinish(
          new OperationFinish(
              input.operationId(), OperationStatus.SUCCEEDED, progress(), report.toMap(), null));
      return report;
    } catch (TemporalFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      Workflow.newDetachedCancellationScope(() -> end(input, cancelled, failure)).run();
      throw failure;
    }
  }

  @Override
  public Progress progress() {
    return new Progress(phase.name(), done, total);
  }

  private RepublishState begin(RepublishInput input) {
    RepublishPlan plan =
        step.republishPlan(new PlanRequest(input.source(), input.from(), input.to()));
    int rate = input.eventsPerSecond() == null ? plan.eventsPerSecond() : input.eventsPerSecond();
    long now = Workflow.currentTimeMillis();
    String cutoff = Instant.ofEpochMilli(now - plan.minAgeSeconds() * 1000).toString();
    return new RepublishState(
        plan, rate, cutoff, null, Instant.ofEpochMilli(now).toString(), RepublishTotals.none());
  }

  private void count(RepublishTotals totals) {
    done = totals.commits() + totals.skipped();
    total = Math.max(total, done);
  }

  private void end(RepublishInput input, boolean cancelled, TemporalFailure failure) {
    enter(
        cancelled ? RepublishPhase.CANCELLED : RepublishPhase.FAILED,
        cancelled ? "cancelled" : "failed: " + Failures.rootMessage(failure));
    Map<String, Object> result =
        state == null ? new LinkedHashMap<>() : report(input, "CANCELLED").toMap();
    result.put("outcome", cancelled ? "CANCELLED" : "FAILED");
    operations.recordFinish(
        new OperationFinish(
            input.operationId(),
            cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
            progress(),
            result,
            cancelled ? "cancelled" : Failures.rootMessage(failure)));
  }

  private RepublishReport report(RepublishInput input, String outcome) {
    return new RepublishReport(
        input.operationId(),
        input.source().wireName(),
        input.from(),
        input.to(),
        input.dryRun(),
        state.eventsPerSecond(),
        outcome,
        state.startedAt(),
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
        state.totals());
  }

  private void enter(RepublishPhase next, String details) {
    phase = next;
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.REPUBLISH.name()),
        OperationSearchAttributes.PHASE.valueSet(next.name()));
    Workflow.setCurrentDetails(details);
  }

  private static OperationStart start(RepublishInput input) {
    return new OperationStart(
        input.operationId(),
        OperationKind.REPUBLISH,
        input.startedBy(),
        input.parameters(),
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }
}
