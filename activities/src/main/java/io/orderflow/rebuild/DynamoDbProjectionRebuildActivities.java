package io.orderflow.rebuild;

import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.projection.ReadModel;
import io.orderflow.recovery.rebuild.Announced;
import io.orderflow.recovery.rebuild.BuildingRequest;
import io.orderflow.recovery.rebuild.CatchUpRequest;
import io.orderflow.recovery.rebuild.CaughtUp;
import io.orderflow.recovery.rebuild.GenerationRequest;
import io.orderflow.recovery.rebuild.ProjectionRebuildActivities;
import io.orderflow.recovery.rebuild.ProjectionState;
import io.orderflow.recovery.rebuild.SegmentRebuilt;
import io.orderflow.recovery.rebuild.SegmentRequest;
import io.orderflow.recovery.rebuild.SwapRequest;
import io.orderflow.recovery.rebuild.Swapped;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The projection rebuild against DynamoDB: the events table, the read models, the pointer. */
public final class DynamoDbProjectionRebuildActivities implements ProjectionRebuildActivities {
  private static final Logger log =
      LoggerFactory.getLogger(DynamoDbProjectionRebuildActivities.class);

  private final DynamoDbClient dynamo;
  private final ProjectionRegistry registry;
  private final ProjectionGenerations generations;
  private final ActiveTables events;
  private final Clock clock;
  private final SegmentFold segments;
  private final CatchUp catchUp;
  private final GenerationTables tables;

  /**
   * @param scanPageLimit items per scan page, so a heartbeat comes at least that often; 0 for
   *     DynamoDB's own pages (1 MB)
   */
  public record Settings(int scanPageLimit) {
    public static Settings defaults() {
      return new Settings(0);
    }
  }

  public DynamoDbProjectionRebuildActivities(
      DynamoDbClient dynamo,
      ProjectionRegistry registry,
      ProjectionGenerations generations,
      ActiveTables events,
      EventCodec codec,
      Clock clock,
      Settings settings) {
    this.dynamo = dynamo;
    this.registry = registry;
    this.generations = generations;
    this.events = events;
    this.clock = clock;
    OrderStreams streams = new OrderStreams(dynamo, codec);
    this.segments = new SegmentFold(dynamo, streams, settings.scanPageLimit());
    this.catchUp = new CatchUp(dynamo, streams, clock);
    this.tables = new GenerationTables(dynamo);
  }

  @Override
  public ProjectionState inspect(String projection) {
    ReadModel model = model(projection);
    ProjectionGenerations.Generation g = generations.read(model.name(), model.configuredTable());
    return new ProjectionState(
        model.name(),
        model.configuredTable(),
        g.table(),
        g.revision(),
        g.previousTable(),
        g.building(),
        g.buildingBy(),
        g.switchedAt() == null ? null : g.switchedAt().toString(),
        events.events());
  }

  @Override
  public void createGeneration(GenerationRequest request) {
    ReadModel model = model(request.projection());
    ProjectionGenerations.Generation g = generations.read(model.name(), model.configuredTable());
    if (request.table().equals(g.table())
        || request.table().equals(g.previousTable())
        || request.table().equals(model.configuredTable())) {
      throw inUse(request.table() + " already holds a generation of " + model.name());
    }
    ActivityExecutionContext context = Activity.getExecutionContext();
    tables.create(model.tableDefinition(request.table()), () -> context.heartbeat(null));
  }

  @Override
  public Announced startBuilding(BuildingRequest request) {
    ReadModel model = model(request.projection());
    try {
      dynamo.describeTable(r -> r.tableName(request.table()));
    } catch (ResourceNotFoundException missing) {
      throw ApplicationFailure.newNonRetryableFailure(
          request.table() + " does not exist", "GenerationMissing");
    }
    try {
      generations.startBuilding(
          model.name(),
          model.configuredTable(),
          request.table(),
          request.operationId(),
          request.takeOver());
    } catch (ProjectionGenerations.Conflict held) {
      throw ApplicationFailure.newNonRetryableFailure(held.getMessage(), "RebuildRunning");
    }
    return new Announced(request.table(), clock.instant().toString());
  }

  @Override
  public SegmentRebuilt rebuildSegment(SegmentRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    ReadModel model = model(request.projection());
    if (request.table().equals(generations.read(model.name(), model.configuredTable()).table())) {
      throw inUse(request.table() + " is the active generation; a rebuild writes a new one");
    }
    ScanCheckpoint from =
        context.getHeartbeatDetails(ScanCheckpoint.class).orElse(ScanCheckpoint.START);
    if (from.started()) {
      log.info(
          "rebuild of {} segment {}/{} into {} resumes after {} commits, past order {} (attempt {})",
          model.name(),
          request.segment(),
          request.totalSegments(),
          request.table(),
          from.commits(),
          from.lastOrderId(),
          context.getInfo().getAttempt());
    }
    return segments.run(model, request, from, context::heartbeat);
  }

  @Override
  public CaughtUp catchUp(CatchUpRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    CaughtUp result = catchUp.run(model(request.projection()), request, context::heartbeat);
    log.info(
        "catch-up of {} into {}: {} commits since {}, {} orders, {} rows moved forward",
        request.projection(),
        request.table(),
        result.commits(),
        request.since(),
        result.orders(),
        result.rowsMoved());
    return result;
  }

  @Override
  public Swapped swap(SwapRequest request) {
    ReadModel model = model(request.projection());
    try {
      ProjectionGenerations.Generation g =
          generations.switchTo(
              model.name(),
              model.configuredTable(),
              request.table(),
              request.expectedRevision(),
              request.switchedBy(),
              clock.instant());
      log.info(
          "{} swapped to {} (revision {}); {} kept for rollback",
          model.name(),
          g.table(),
          g.revision(),
          g.previousTable());
      return new Swapped(g.table(), g.previousTable(), g.revision(), g.switchedAt().toString());
    } catch (ProjectionGenerations.Conflict moved) {
      throw ApplicationFailure.newNonRetryableFailure(moved.getMessage(), "PointerMoved");
    }
  }

  @Override
  public void stopBuilding(GenerationRequest request) {
    ReadModel model = model(request.projection());
    generations.stopBuilding(model.name(), request.table());
  }

  @Override
  public void dropGeneration(GenerationRequest request) {
    ReadModel model = model(request.projection());
    ProjectionGenerations.Generation g = generations.read(model.name(), model.configuredTable());
    if (request.table().equals(g.table())) {
      throw inUse(request.table() + " is the active generation of " + model.name());
    }
    if (request.table().equals(g.building())) {
      throw inUse(request.table() + " is being built by operation " + g.buildingBy());
    }
    if (request.table().equals(model.configuredTable())) {
      throw inUse(
          request.table()
              + " is the configured table, which Terraform (or the local bootstrap) owns; it"
              + " stays, unused, until the configuration names another");
    }
    generations.forgetPrevious(model.name(), request.table());
    ActivityExecutionContext context = Activity.getExecutionContext();
    tables.delete(request.table(), () -> context.heartbeat(null));
  }

  private ReadModel model(String projection) {
    return registry
        .find(projection)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "no read model is registered as '"
                        + projection
                        + "'; registered: "
                        + registry.names(),
                    "UnknownProjection"));
  }

  private static ApplicationFailure inUse(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, "TableInUse");
  }
}
