package io.orderflow.recovery.restore;

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
import io.orderflow.recovery.backup.BackupTable;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.common.RetryOptions;
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
 * The full restore runbook (docs/runbooks/full-restore.md): preflight → READ_ONLY → new tables →
 * import → validate → reconstruct → switch → ramp, each step recorded in the operations registry
 * and visible in the Temporal Web UI.
 */
public class FullRestoreWorkflowImpl implements FullRestoreWorkflow {
  private static final RetryOptions RETRY =
      RecoveryStubs.retry(
          "BackupNotFound", "BackupTampered", "PointerMoved", "TableInUse", "InvalidBackup");

  // Long work heartbeats; a cancel waits for it to stop before the cleanup drops its table.
  private final RestoreActivities work =
      RecoveryStubs.heartbeating(
          RestoreActivities.class,
          Duration.ofHours(6),
          ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
          RETRY);
  private final RestoreActivities step =
      RecoveryStubs.steps(RestoreActivities.class, Duration.ofMinutes(2), RETRY);
  private final OperationsActivities operations = RecoveryStubs.operations(RETRY);

  private RestorePhase phase = RestorePhase.PREFLIGHT;
  private long done;
  private long total = 1;

  // What has changed so far, for the cleanup to undo.
  private String previousMode;
  private boolean modeChanged;
  private ActivePointer targets;
  private boolean tablesCreated;
  private ActivePointer before;
  private ActivePointer switched;
  private String switchedAt;
  private final List<Promise<?>> running = new ArrayList<>();

  @Override
  public RestoreReport run(FullRestoreInput input) {
    enter(PhaseLine.of(RestorePhase.PREFLIGHT, "checking backup " + input.backupId()));
    try {
      operations.recordStart(start(input));
      BackupPlan plan = work.preflight(input.backupId());
      before = plan.active();
      previousMode = plan.serviceMode();
      targets =
          new ActivePointer(
              plan.configuredEvents() + "-" + input.restoreId(),
              plan.configuredSnapshots() + "-" + input.restoreId(),
              0);
      int parallelism =
          Math.max(1, Math.min(FullRestoreInput.MAX_PARALLELISM, input.parallelism()));
      total = plan.files().size() + 2L * parallelism + 4;
      advance(input, 1);

      if (!input.dryRun()) {
        enter(PhaseLine.of(RestorePhase.ENTERING_READ_ONLY, "holding writes back: READ_ONLY"));
        modeChanged = true;
        step.setServiceMode(
            new ModeRequest("READ_ONLY", actor(input), "full restore " + input.restoreId()));
      }

      enter(PhaseLine.of(RestorePhase.CREATING_TABLES, "creating " + targets.events()));
      tablesCreated = true;
      work.createTables(targets);
      advance(input, 1);

      enter(
          PhaseLine.of(RestorePhase.IMPORTING, "importing " + plan.files().size() + " data files"));
      importAll(input, plan, parallelism);

      enter(PhaseLine.of(RestorePhase.VALIDATING, "verifying every stream's hash chain"));
      double fraction = sampleFraction(input.sampleSize(), plan.orders());
      List<SegmentValidation> validations = validate(input, parallelism, fraction);

      enter(PhaseLine.of(RestorePhase.RECONSTRUCTING, "rebuilding orders and checking rules"));
      List<Reconstruction> rebuilt = reconstruct(input, validations, parallelism);

      Findings findings = Findings.of(plan, validations, rebuilt);
      List<String> ramp = new ArrayList<>();
      String outcome;
      if (input.dryRun()) {
        Workflow.setCurrentDetails("dry run: dropping the restored tables");
        step.dropTables(List.of(targets.events(), targets.snapshots()));
        tablesCreated = false;
        outcome = "DRY_RUN";
      } else {
        if (findings.anomalyCount() > 0 && !input.allowAnomalies()) {
          throw ApplicationFailure.newNonRetryableFailure(
              "the restored tables have "
                  + findings.anomalyCount()
                  + " anomalies (first: "
                  + findings.anomalies().get(0)
                  + "); nothing was switched. Restore another backup, or set allowAnomalies",
              "RestoreInvalid");
        }
        outcome = switchAndRamp(input, findings.sample(), ramp);
      }
      done = total;
      RestoreReport report = findings.report(input, outcome, targets, before, ramp);
      RestorePhase end =
          "ROLLED_BACK".equals(outcome) ? RestorePhase.ROLLED_BACK : RestorePhase.DONE;
      enter(PhaseLine.of(end, "restore " + input.restoreId() + ": " + outcome));
      boolean succeeded = "SWITCHED".equals(outcome) || "DRY_RUN".equals(outcome);
      operations.recordFinish(
          new OperationFinish(
              input.operationId(),
              succeeded ? OperationStatus.SUCCEEDED : OperationStatus.FAILED,
              progress(),
              report.toMap(),
              succeeded ? null : "the ramp failed: " + String.join("; ", ramp)));
      step.releaseLock(input.operationId());
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

  private void importAll(FullRestoreInput input, BackupPlan plan, int parallelism) {
    List<Promise<ImportResult>> imports = new ArrayList<>();
    int[] inFlight = {0};
    for (RestoreFile file : plan.files()) {
      Workflow.await(() -> inFlight[0] < parallelism);
      String target = file.table() == BackupTable.EVENTS ? targets.events() : targets.snapshots();
      inFlight[0]++;
      Promise<ImportResult> promise =
          Async.function(work::importFile, new ImportRequest(input.backupId(), file, target));
      running.add(promise);
      imports.add(
          promise.handle(
              (result, failure) -> {
                inFlight[0]--;
                if (failure == null) {
                  done++;
                }
                return result;
              }));
    }
    Promise.allOf(imports).get();
    for (Promise<ImportResult> imported : imports) {
      if (imported.get() == null) {
        throw running.stream()
            .filter(p -> p.getFailure() != null)
            .map(p -> p.getFailure())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("an import failed"));
      }
    }
    record(input);
  }

  private List<SegmentValidation> validate(FullRestoreInput input, int segments, double fraction) {
    List<Promise<SegmentValidation>> scans = new ArrayList<>();
    for (int segment = 0; segment < segments; segment++) {
      Promise<SegmentValidation> scan =
          Async.function(
              work::validateSegment,
              new ValidateRequest(
                  targets.events(), targets.snapshots(), segment, segments, fraction));
      running.add(scan);
      scans.add(counted(scan));
    }
    List<SegmentValidation> results = Promise.allOf(scans).thenApply(v -> gather(scans)).get();
    record(input);
    return results;
  }

  private List<Reconstruction> reconstruct(
      FullRestoreInput input, List<SegmentValidation> validations, int segments) {
    List<Promise<Reconstruction>> rebuilds = new ArrayList<>();
    for (int segment = 0; segment < segments; segment++) {
      List<String> ids =
          input.sampleSize() == FullRestoreInput.ALL_ORDERS
              ? null
              : validations.get(segment).sample();
      Promise<Reconstruction> rebuild =
          Async.function(
              work::reconstruct,
              new ReconstructRequest(
                  targets.events(), targets.snapshots(), ids, segment, segments));
      running.add(rebuild);
      rebuilds.add(counted(rebuild));
    }
    List<Reconstruction> results = Promise.allOf(rebuilds).thenApply(v -> gather(rebuilds)).get();
    record(input);
    return results;
  }

  /**
   * Switches, waits for every instance to see it, probes under READ_ONLY, lets writes back in and
   * watches. A failed probe before any write switches back; after writes it holds READ_ONLY.
   */
  private String switchAndRamp(FullRestoreInput input, List<String> canary, List<String> ramp) {
    enter(PhaseLine.of(RestorePhase.SWITCHING, "switching to " + targets.events()));
    switchedAt = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    switched =
        step.switchTables(
            new SwitchRequest(
                targets.events(), targets.snapshots(), before.revision(), actor(input)));
    advance(input, 1);

    RampSettings settings = input.ramp();
    List<String> canaryIds = canary.subList(0, Math.min(settings.canaryOrders(), canary.size()));
    enter(PhaseLine.of(RestorePhase.RAMPING, "READ_ONLY on the restored tables, settling"));
    Workflow.sleep(Duration.ofSeconds(settings.settleSeconds()));
    Probe first = step.probe(new ProbeRequest(canaryIds));
    ramp.add(line("read-only probe", first, 0));
    if (!first.problems().isEmpty() || !targets.events().equals(first.activeEvents())) {
      return rollBack(input, ramp, "the read-only probe failed: " + first.problems());
    }

    Workflow.setCurrentDetails("writes allowed again (" + previousMode + "), watching");
    step.setServiceMode(
        new ModeRequest(previousMode, actor(input), "full restore " + input.restoreId() + " ramp"));
    modeChanged = false;
    long deadline = Workflow.currentTimeMillis() + settings.observeSeconds() * 1000;
    while (Workflow.currentTimeMillis() < deadline) {
      Workflow.sleep(Duration.ofSeconds(Math.max(1, settings.intervalSeconds())));
      Probe probe = step.probe(new ProbeRequest(canaryIds));
      long failures = Math.max(0, probe.persistenceFailures() - first.persistenceFailures());
      ramp.add(line("probe", probe, failures));
      if (!probe.problems().isEmpty() || failures > settings.maxFailures()) {
        modeChanged = true;
        step.setServiceMode(new ModeRequest("READ_ONLY", actor(input), "full restore ramp failed"));
        return rollBack(
            input,
            ramp,
            failures > settings.maxFailures()
                ? failures + " persistence failures while ramping"
                : "canary problems: " + probe.problems());
      }
    }
    advance(input, 1);
    return "SWITCHED";
  }

  /** Back to the old tables if nothing was written to the new ones; otherwise hold READ_ONLY. */
  private String rollBack(FullRestoreInput input, List<String> ramp, String why) {
    ramp.add("stopped: " + why);
    long written = step.commitsSince(targets.events(), switchedAt);
    if (written > 0) {
      ramp.add(
          written
              + " commits reached the restored tables after the switch: holding READ_ONLY on them"
              + " for an operator (docs/runbooks/full-restore.md#held-read-only)");
      return "HELD_READ_ONLY";
    }
    step.switchTables(
        new SwitchRequest(before.events(), before.snapshots(), switched.revision(), actor(input)));
    switched = null;
    Workflow.sleep(Duration.ofSeconds(input.ramp().settleSeconds()));
    step.setServiceMode(
        new ModeRequest(previousMode, actor(input), "full restore rolled back: " + why));
    modeChanged = false;
    ramp.add("switched back to " + before.events() + "; the restored tables are kept to inspect");
    return "ROLLED_BACK";
  }

  private void cleanUp(FullRestoreInput input, boolean cancelled, TemporalFailure failure) {
    for (Promise<?> activity : running) {
      Workflow.await(activity::isCompleted); // a running import would recreate what we drop
    }
    List<String> undone = new ArrayList<>();
    if (switched != null) {
      long written = step.commitsSince(targets.events(), switchedAt);
      if (written == 0) {
        step.switchTables(
            new SwitchRequest(
                before.events(), before.snapshots(), switched.revision(), actor(input)));
        switched = null;
        undone.add("switched back to " + before.events());
      } else {
        undone.add(written + " commits on the restored tables: they stay active");
      }
    }
    if (tablesCreated && switched == null) {
      step.dropTables(List.of(targets.events(), targets.snapshots()));
      undone.add("dropped " + targets.events() + " and " + targets.snapshots());
    }
    if (modeChanged && previousMode != null) {
      step.setServiceMode(
          new ModeRequest(
              previousMode, actor(input), "full restore " + input.restoreId() + " ended"));
      undone.add("service mode back to " + previousMode);
    }
    RestorePhase end = cancelled ? RestorePhase.CANCELLED : RestorePhase.FAILED;
    enter(
        PhaseLine.of(end, "restore " + input.restoreId() + (cancelled ? " cancelled" : " failed")));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("restoreId", input.restoreId());
    result.put("backupId", input.backupId());
    result.put("undone", undone);
    operations.recordFinish(
        new OperationFinish(
            input.operationId(),
            cancelled ? OperationStatus.CANCELLED : OperationStatus.FAILED,
            progress(),
            result,
            cancelled ? "cancelled" : Failures.rootMessage(failure)));
    step.releaseLock(input.operationId());
  }

  private <T> Promise<T> counted(Promise<T> promise) {
    return promise.thenApply(
        result -> {
          done++;
          return result;
        });
  }

  private static <T> List<T> gather(List<Promise<T>> promises) {
    return promises.stream().map(Promise::get).toList();
  }

  private static double sampleFraction(int sampleSize, long orders) {
    if (sampleSize == FullRestoreInput.ALL_ORDERS || orders <= 0) {
      return sampleSize == 0 ? 0 : 1.0;
    }
    return Math.min(1.0, (double) sampleSize / orders);
  }

  private static String line(String what, Probe probe, long failures) {
    return what
        + ": "
        + probe.checked()
        + " canary orders read from "
        + probe.activeEvents()
        + ", "
        + failures
        + " persistence failures, problems "
        + probe.problems();
  }

  private void advance(FullRestoreInput input, long steps) {
    done += steps;
    record(input);
  }

  private void enter(PhaseLine next) {
    phase = next.phase();
    Workflow.upsertTypedSearchAttributes(
        OperationSearchAttributes.OPERATION.valueSet(OperationKind.FULL_RESTORE.name()),
        OperationSearchAttributes.PHASE.valueSet(next.phase().name()));
    Workflow.setCurrentDetails(next.details());
  }

  private void record(FullRestoreInput input) {
    operations.recordProgress(new OperationProgress(input.operationId(), progress()));
  }

  private static String actor(FullRestoreInput input) {
    return input.startedBy() == null ? "restore" : input.startedBy();
  }

  private static OperationStart start(FullRestoreInput input) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("backupId", input.backupId());
    parameters.put("dryRun", input.dryRun());
    parameters.put("sampleSize", input.sampleSize());
    parameters.put("parallelism", input.parallelism());
    parameters.put("allowAnomalies", input.allowAnomalies());
    parameters.put("restoreId", input.restoreId());
    return new OperationStart(
        input.operationId(),
        OperationKind.FULL_RESTORE,
        input.startedBy(),
        parameters,
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId());
  }

  /** A phase and the live line the Web UI shows for it. */
  private record PhaseLine(RestorePhase phase, String details) {
    static PhaseLine of(RestorePhase phase, String details) {
      return new PhaseLine(phase, details);
    }
  }
}
