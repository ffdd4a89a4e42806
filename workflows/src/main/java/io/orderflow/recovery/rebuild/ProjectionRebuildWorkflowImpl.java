package io.orderflow.recovery.rebuild;

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
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projection rebuild runbook (docs/runbooks/projection-rebuild.md): create a generation →
 * announce it (live writes go there too) → fold every order into it, one activity per scan segment
 * → catch up what was committed meanwhile → swap. Each step is recorded in the operations registry
 * and visible in the Temporal Web UI.
 */
public class ProjectionRebuildWorkflowImpl implements ProjectionRebuildWorkflow {
  private static final RetryOptions RETRY =
      RecoveryStubs.retry(
          "UnknownProjection", "TableInUse", "RebuildRunning", "GenerationMissing", "PointerMoved");

  // Long work heartbeats; a cancel waits for it to stop before the cleanup drops its table.
  private final ProjectionRebuildActivities work =
      RecoveryStubs.heartbeating(
          ProjectionRebuildActivities.class,
          Duration.ofHours(6),
          ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
          RETRY);
  private final ProjectionRebuildActivities step =
      RecoveryStubs.steps(ProjectionRebuildActivities.class, Duration.ofMinutes(2), RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  private RebuildPhase phase = RebuildPhase.PREPARING;
  private long done;
  private long total = 1;

  // What has changed so far, for the cleanup to undo.
  private String created;
  private String announced;
  private long announcedAtMillis;
  private boolean swapped;
  private final List<Promise<?>> running = new ArrayList<>();

  @Override
  public RebuildReport run(RebuildInput input) {
    enter(RebuildPhase.PREPARING, input.action() + " of " + input.projection() + ": inspecting");
    try {
      operations.recordStart(start(input));
      ProjectionState state = step.inspect(input.projection());
      RebuildReport report;
      if (input.action() == RebuildAction.ROLLBACK) {
        report = rollBack(input, state);
      } else if (input.action() == RebuildAction.DROP_PREVIOUS) {
        report = dropPrevious(input, state);
      } else {
        report = rebuild(input, state);
      }
      done = total;
      enter(RebuildPhase.DONE, input.projection() + ": " + report.outcome());
      operations.recordFinish(
          new OperationFinish(
              input.operationId(), OperationStatus.SUCCEEDED, progress(), report.toMap(), null));
      return report;
    } catch (TemporalFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      Workflow.newDetachedCancellationScope(() -> cleanUp(input, cancelled, failure)).run();
      throw failure;
    }
  }

  @Override
  public Progress progress() {
    return new Progress(phase.name(), done, total);
  }

  private RebuildReport rebuild(RebuildInput input, ProjectionState state) {
    int segments = Math.max(1, Math.min(RebuildInput.MAX_SEGMENTS, input.segments()));
    String target = state.configuredTable() + "-gen-" + input.rebuildId();
    total = segments + 4L;
    advance(input, 1);

    enter(RebuildPhase.CREATING_GENERATION, "creating " + target);
    created = target;
    work.createGeneration(new GenerationRequest(input.projection(), target));
    Announced announcement = announce(input, target);
    advance(input, 1);

    enter(
        RebuildPhase.SCANNING,
        "folding every order of "
            + state.eventsTable()
            + " into "
            + target
            + ", "
            + segments
            + " segments");
    List<SegmentRebuilt> scans = scan(input, state, target, segments);
    CaughtUp caughtUp = catchUp(input, state, target, announcement.announcedAt());

    Tally tally = Tally.of(scans, caughtUp);
    if (input.dryRun()) {
      enter(RebuildPhase.DROPPING, "dry run: dropping " + target);
      step.stopBuilding(new GenerationRequest(input.projection(), target));
      announced = null;
      work.dropGeneration(new GenerationRequest(input.projection(), target));
      created = null;
      advance(input, 1);
      return tally.report(input, "DRY_RUN", target, unchanged(state), state.eventsTable());
    }
    if (tally.unfoldable() > 0 && !input.allowUnfoldable()) {
      throw ApplicationFailure.newNonRetryableFailure(
          tally.unfoldable()
              + " orders could not be folded (first: "
              + tally.problems().get(0)
              + "); nothing was swapped. Repair them (single-order recovery), or set"
              + " allowUnfoldable",
          "UnfoldableOrders");
    }
    Swapped result = swapTo(input, state, target);
    return tally.report(input, "SWAPPED", target, result, state.eventsTable());
  }

  /**
   * Back to the previous generation: it missed what was committed since the last swap, so it is
   * announced (live writes reach it again), caught up from that swap on, and swapped in.
   */
  private RebuildReport rollBack(RebuildInput input, ProjectionState state) {
    if (state.previousTable() == null || state.switchedAt() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          input.projection() + " has no previous generation to roll back to",
          "NoPreviousGeneration");
    }
    total = 4;
    advance(input, 1);
    String target = state.previousTable();
    Announced announcement = announce(input, target);
    advance(input, 1);
    CaughtUp caughtUp = catchUp(input, state, target, state.switchedAt());
    Swapped result = swapTo(input, state, target);
    return Tally.of(caughtUp)
        .report(input, "ROLLED_BACK", announcement.table(), result, state.eventsTable());
  }

  private RebuildReport dropPrevious(RebuildInput input, ProjectionState state) {
    if (state.previousTable() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          input.projection() + " keeps no previous generation to drop", "NoPreviousGeneration");
    }
    total = 2;
    advance(input, 1);
    enter(RebuildPhase.DROPPING, "dropping " + state.previousTable());
    work.dropGeneration(new GenerationRequest(input.projection(), state.previousTable()));
    Swapped now = new Swapped(state.activeTable(), null, state.revision(), state.switchedAt());
    return Tally.NONE.report(input, "DROPPED", state.previousTable(), now, state.eventsTable());
  }

  private static Swapped unchanged(ProjectionState state) {
    return new Swapped(
        state.activeTable(), state.previousTable(), state.revision(), state.switchedAt());
  }

  private Announced announce(RebuildInput input, String target) {
    announced = target;
    Announced announcement =
        step.startBuilding(
            new BuildingRequest(input.projection(), target, input.operationId(), input.takeOver()));
    announcedAtMillis = Workflow.currentTimeMillis();
    return announcement;
  }

  private List<SegmentRebuilt> scan(
      RebuildInput input, ProjectionState state, String target, int segments) {
    List<Promise<SegmentRebuilt>> scans = new ArrayList<>();
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              for (int segment = 0; segment < segments; segment++) {
                Promise<SegmentRebuilt> scan =
                    Async.function(
                        work::rebuildSegment,
                        new SegmentRequest(
                            input.projection(), state.eventsTable(), target, segment, segments));
                running.add(scan);
                scans.add(
                    scan.thenApply(
                        result -> {
                          done++;
                          return result;
                        }));
              }
            });
    scope.run();
    try {
      Promise.allOf(scans).get();
    } catch (ActivityFailure failed) {
      scope.cancel(); // one segment failed for good: stop the others before the cleanup
      throw failed;
    }
    record(input);
    return scans.stream().map(Promise::get).toList();
  }

  /**
   * Waits until every live writer has seen the announcement, then folds again every order committed
   * to since a while before {@code from}: whatever the scan or the live writes missed.
   */
  private CaughtUp catchUp(RebuildInput input, ProjectionState state, String target, String from) {
    enter(RebuildPhase.CATCHING_UP, "waiting for every writer to see " + target);
    long wait = announcedAtMillis + input.settleSeconds() * 1000 - Workflow.currentTimeMillis();
    if (wait > 0) {
      Workflow.sleep(Duration.ofMillis(wait));
    }
    String since = Instant.parse(from).minusSeconds(input.lookbackSeconds()).toString();
    Workflow.setCurrentDetails("catching up commits since " + since + " into " + target);
    Promise<CaughtUp> catchUp =
        Async.function(
            work::catchUp,
            new CatchUpRequest(input.projection(), state.eventsTable(), target, since));
    running.add(catchUp);
    CaughtUp result = catchUp.get();
    advance(input, 1);
    return result;
  }

  private Swapped swapTo(RebuildInput input, ProjectionState state, String target) {
    enter(RebuildPhase.SWAPPING, "swapping " + input.projection() + " to " + target);
    Swapped result =
        step.swap(new SwapRequest(input.projection(), target, state.revision(), actor(input)));
    swapped = true;
    announced = null;
    created = null;
    advance(input, 1);
    return result;
  }

  private void cleanUp(RebuildInput input, boolean cancelled, TemporalFailure failure) {
    for (Promise<?> activity : running) {
      Workflow.await(activity::isCompleted); // a running segment would write into what we drop
    }
    List<String> undone = new ArrayList<>();
    if (announced != null && !swapped) {
      undo(
          undone,
          () -> step.stopBuilding(new GenerationRequest(input.projection(), announced)),
          "withdrew " + announced + "; live writes go to the active generation only",
          "withdraw " + announced);
    }
    if (created != null && !swapped) {
      undo(
          undone,
          () -> work.dropGeneration(new GenerationRequest(input.projection(), created)),
          "dropped " + created,
          "drop " + created);
    }
    RebuildPhase end = cancelled ? RebuildPhase.CANCELLED : RebuildPhase.FAILED;
    enter(end, input.projection() + (cancelled ? " rebuild cancelled" : " rebuild failed"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rebuildId", input.rebuildId());
    result.put("projection", input.projection());
    result.put("action", input.action().name());
    result.put("undone", undone);
    operations.recordFinish(
        new OperationFinish(
            input.operationId(),
            cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
            progress(),
            result,
            cancelled ? "cancelled" : Failures.rootMessage(failure)));
  }

  /** One cleanup step; one that fails is reported, and the others still run. */
  private static void undo(List<String> undone, Runnable step, String done, String attempted) {
    try {
      step.run();
      undone.add(done);
    } catch (ActivityFailure failed) {
      undone.add("could not " + attempted + ": " + Failures.rootMessage(failed));
    }
  }

  private void advance(RebuildInput input, long steps) {
    done += steps;
    record(input);
  }

  private void record(RebuildInput input) {
    operations.recordProgress(new OperationProgress(input.operationId(), progress()));
  }

  private void enter(RebuildPhase next, String details) {
    phase = next;
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.PROJECTION_REBUILD.name()),
        OperationSearchAttributes.PHASE.valueSet(next.name()));
    Workflow.setCurrentDetails(details);
  }

  private static String actor(RebuildInput input) {
    return input.startedBy() == null ? "rebuild" : input.startedBy();
  }

  private static OperationStart start(RebuildInput input) {
    return new OperationStart(
        input.operationId(),
        OperationKind.PROJECTION_REBUILD,
        input.startedBy(),
        input.parameters(),
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }
}
