package io.orderflow.api.recovery;

import io.orderflow.api.problem.InvalidParameter;
import io.orderflow.api.problem.ProblemException;
import io.orderflow.api.problem.ProblemType;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.projection.ReadModel;
import io.orderflow.recovery.OperationKind;
import io.orderflow.recovery.OperationStart;
import io.orderflow.recovery.rebuild.ProjectionRebuildWorkflow;
import io.orderflow.recovery.rebuild.RebuildAction;
import io.orderflow.recovery.rebuild.RebuildInput;
import io.orderflow.workers.config.ProjectionRebuildProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/recoveries/projection-rebuild} starts a ProjectionRebuildWorkflow
 * (docs/runbooks/projection-rebuild.md): a rebuild, a rollback or the drop of the previous
 * generation, one operation per read model at a time. {@code GET /api/projections} lists each read
 * model's generations.
 */
@RestController
class ProjectionRebuildController {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final WorkflowClient client;
  private final OperationLauncher launcher;
  private final RunningOperations running;
  private final ProjectionRegistry projections;
  private final ProjectionGenerations generations;
  private final ProjectionRebuildProperties defaults;
  private final Clock clock = Clock.systemUTC();

  ProjectionRebuildController(
      WorkflowClient client,
      OperationLauncher launcher,
      RunningOperations running,
      ProjectionRegistry projections,
      ProjectionGenerations generations,
      ProjectionRebuildProperties defaults) {
    this.client = client;
    this.launcher = launcher;
    this.running = running;
    this.projections = projections;
    this.generations = generations;
    this.defaults = defaults;
  }

  record Projections(List<ProjectionView> projections) {}

  @GetMapping("/api/projections")
  Projections list() {
    return new Projections(
        projections.all().stream()
            .map(
                model ->
                    ProjectionView.of(
                        model.configuredTable(),
                        generations.read(model.name(), model.configuredTable())))
            .toList());
  }

  @PostMapping("/api/recoveries/projection-rebuild")
  ResponseEntity<ProjectionRebuildStarted> start(
      @RequestBody(required = false) ProjectionRebuildRequest request,
      @RequestHeader(name = "X-Actor", required = false) String actor) {
    ReadModel model = model(request);
    String timestamp = TIMESTAMP.format(clock.instant()).toLowerCase(Locale.ROOT);
    RebuildInput input = input(request, model, timestamp, actor);
    // a restore is about to replace the events table this would read
    running.refuseWhileRestoring("rebuild after it");
    running.refuseSecond(
        OperationKind.PROJECTION_REBUILD, "projection", model.name(), model.name());
    ProjectionGenerations.Generation now = generations.read(model.name(), model.configuredTable());
    checkPossible(input, model, now);
    if (now.building() != null) {
      // announced by an operation that ended without withdrawing it (a terminated workflow)
      input = takingOver(input, now.building());
    }
    String workflowId = ProjectionRebuildWorkflow.workflowId(model.name(), timestamp);
    ProjectionRebuildWorkflow workflow =
        client.newWorkflowStub(
            ProjectionRebuildWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(ProjectionRebuildWorkflow.TASK_QUEUE)
                .setStaticSummary(summary(input))
                .build());
    RebuildInput started = input;
    launcher.launch(start(input, workflowId), () -> WorkflowClient.start(workflow::run, started));
    return ResponseEntity.accepted()
        .body(
            new ProjectionRebuildStarted(
                input.operationId(),
                workflowId,
                model.name(),
                wireName(input.action()),
                input.dryRun(),
                input.rebuildId()));
  }

  private ReadModel model(ProjectionRebuildRequest request) {
    if (request == null || request.projection() == null || request.projection().isBlank()) {
      throw new InvalidParameter(
          "projection", "is required: the read model, one of " + projections.names());
    }
    return projections
        .find(request.projection())
        .orElseThrow(
            () ->
                new InvalidParameter(
                    "projection",
                    "is not a registered read model; registered: " + projections.names()));
  }

  private RebuildInput input(
      ProjectionRebuildRequest request, ReadModel model, String timestamp, String actor) {
    RebuildAction action = action(request.action());
    boolean dryRun = Boolean.TRUE.equals(request.dryRun());
    if (dryRun && action != RebuildAction.REBUILD) {
      throw new InvalidParameter("dryRun", "applies to action 'rebuild' only");
    }
    int segments = request.segments() == null ? defaults.segments() : request.segments();
    if (segments < 1 || segments > RebuildInput.MAX_SEGMENTS) {
      throw new InvalidParameter("segments", "must be between 1 and " + RebuildInput.MAX_SEGMENTS);
    }
    return new RebuildInput(
        "op-" + UUID.randomUUID(),
        model.name(),
        timestamp,
        action,
        dryRun,
        segments,
        actor == null ? "api" : actor,
        null,
        Boolean.TRUE.equals(request.allowUnfoldable()),
        defaults.settleSeconds(),
        defaults.lookbackSeconds());
  }

  private static RebuildAction action(String name) {
    if (name == null) {
      return RebuildAction.REBUILD;
    }
    for (RebuildAction action : RebuildAction.values()) {
      if (wireName(action).equals(name)) {
        return action;
      }
    }
    throw new InvalidParameter("action", "must be one of rebuild, rollback, drop-previous");
  }

  private static String wireName(RebuildAction action) {
    return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Refuses what the workflow could only fail at: nothing to roll back to, or to drop. */
  private static void checkPossible(
      RebuildInput input, ReadModel model, ProjectionGenerations.Generation now) {
    if (input.action() == RebuildAction.REBUILD) {
      return;
    }
    if (now.previousTable() == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND,
          model.name()
              + " keeps no previous generation ("
              + now.table()
              + " serves); GET /api/projections lists its generations");
    }
    if (input.action() == RebuildAction.DROP_PREVIOUS
        && now.previousTable().equals(model.configuredTable())) {
      throw new InvalidParameter(
          "action",
          "the previous generation of "
              + model.name()
              + " is its configured table "
              + now.previousTable()
              + ", which Terraform (or the local bootstrap) owns and a rebuild never drops");
    }
  }

  private static RebuildInput takingOver(RebuildInput input, String stale) {
    return new RebuildInput(
        input.operationId(),
        input.projection(),
        input.rebuildId(),
        input.action(),
        input.dryRun(),
        input.segments(),
        input.startedBy(),
        stale,
        input.allowUnfoldable(),
        input.settleSeconds(),
        input.lookbackSeconds());
  }

  private static OperationStart start(RebuildInput input, String workflowId) {
    return new OperationStart(
        input.operationId(),
        OperationKind.PROJECTION_REBUILD,
        input.startedBy(),
        input.parameters(),
        workflowId,
        null);
  }

  private static String summary(RebuildInput input) {
    String what =
        switch (input.action()) {
          case REBUILD -> (input.dryRun() ? "Dry run of a rebuild of " : "Rebuild of ");
          case ROLLBACK -> "Rollback of ";
          case DROP_PREVIOUS -> "Drop of the previous generation of ";
        };
    return what + input.projection() + " by " + input.startedBy();
  }
}
