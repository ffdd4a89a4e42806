package io.orderflow.bench;

import com.google.protobuf.Timestamp;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ProjectionGenerations;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.rebuild.DynamoDbProjectionRebuildActivities;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.rebuild.ProjectionRebuildWorkflow;
import io.orderflow.recovery.rebuild.ProjectionRebuildWorkflowImpl;
import io.orderflow.recovery.rebuild.RebuildAction;
import io.orderflow.recovery.rebuild.RebuildInput;
import io.orderflow.recovery.rebuild.RebuildReport;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real rebuild workflow and activities on a worker of Temporal's test server in this process,
 * in real time, as RestoreWorkflows runs the restore.
 */
final class RebuildWorkflows implements AutoCloseable {
  /** Activity types of a rebuild and the phase each belongs to. */
  private static final Map<String, String> PHASES =
      Map.of(
          "CreateGeneration", "create",
          "RebuildSegment", "scan",
          "CatchUp", "catch-up",
          "Swap", "swap");

  private final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  RebuildWorkflows(DynamoDbClient dynamo, TableNames tables) {
    env.registerSearchAttribute(
        OperationSearchAttributes.OPERATION.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(
        OperationSearchAttributes.PHASE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    // the production cache of the pointer: the rebuild's settle waits it out
    ProjectionGenerations generations =
        new ProjectionGenerations(dynamo, tables.control(), Duration.ofSeconds(2));
    Worker worker = env.newWorker(ProjectionRebuildWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ProjectionRebuildWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbProjectionRebuildActivities(
            dynamo,
            ProjectionRegistry.standard(dynamo, tables, generations),
            generations,
            new ActiveTablesStore(dynamo, tables, Duration.ofSeconds(2)),
            new EventCodec(),
            Clock.systemUTC(),
            DynamoDbProjectionRebuildActivities.Settings.defaults()),
        new DynamoDbOperationsRegistry(dynamo, tables, Clock.systemUTC()));
    env.start();
  }

  RebuildReport rebuild(String projection, String id, int segments) {
    ProjectionRebuildWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ProjectionRebuildWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ProjectionRebuildWorkflow.workflowId(projection, id))
                    .setTaskQueue(ProjectionRebuildWorkflow.TASK_QUEUE)
                    .build());
    // the production defaults (orderflow.rebuild.*): settle 5 s, look back 60 s
    return workflow.run(
        new RebuildInput(
            "op-" + id,
            projection,
            id,
            RebuildAction.REBUILD,
            false,
            segments,
            "bench",
            null,
            false,
            5,
            60));
  }

  /** Each phase: from its first activity scheduled to its last one completed. */
  Map<String, Long> phases(String projection, String id) {
    Map<Long, String> scheduled = new HashMap<>();
    Map<String, Instant> first = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    for (HistoryEvent event :
        env.getWorkflowClient()
            .fetchHistory(ProjectionRebuildWorkflow.workflowId(projection, id))
            .getEvents()) {
      Instant at = instant(event.getEventTime());
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          String type = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          scheduled.put(event.getEventId(), type);
          first.putIfAbsent(type, at);
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            last.put(
                scheduled.get(
                    event.getActivityTaskCompletedEventAttributes().getScheduledEventId()),
                at);
        default -> {}
      }
    }
    Map<String, Long> phases = new LinkedHashMap<>();
    for (String type : List.of("CreateGeneration", "RebuildSegment", "CatchUp", "Swap")) {
      if (first.containsKey(type) && last.containsKey(type)) {
        phases.put(PHASES.get(type), Duration.between(first.get(type), last.get(type)).toNanos());
      }
    }
    return phases;
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  @Override
  public void close() {
    env.close();
  }
}
