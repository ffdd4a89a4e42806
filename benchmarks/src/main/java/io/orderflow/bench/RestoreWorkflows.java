package io.orderflow.bench;

import com.google.protobuf.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.backup.BackupStore;
import io.orderflow.backup.DynamoDbBackupActivities;
import io.orderflow.backup.SegmentExporter;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.operations.DynamoDbOperationsRegistry;
import io.orderflow.recovery.OperationSearchAttributes;
import io.orderflow.recovery.backup.BackupInput;
import io.orderflow.recovery.backup.BackupResult;
import io.orderflow.recovery.backup.BackupWorkflow;
import io.orderflow.recovery.backup.BackupWorkflowImpl;
import io.orderflow.recovery.restore.FullRestoreInput;
import io.orderflow.recovery.restore.FullRestoreWorkflow;
import io.orderflow.recovery.restore.FullRestoreWorkflowImpl;
import io.orderflow.recovery.restore.RampSettings;
import io.orderflow.recovery.restore.RestoreReport;
import io.orderflow.restore.DynamoDbRestoreActivities;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * orderflow's own backup and full restore, run as in production: the real workflows and activities
 * on a worker of Temporal's test server in this process, in real time (the server the local stack
 * runs, {@code LocalTemporalServer}, is the same one).
 */
final class RestoreWorkflows implements AutoCloseable {
  /** Never used: a dry run does not switch or ramp. */
  private static final RampSettings NO_RAMP = new RampSettings(0, 0, 1, 0, 0);

  /** The phase only a dry run has: a real restore keeps its tables. */
  static final String DROP = "drop tables (dry run)";

  /** Activity types of the restore, in the order it runs them, and what each does. */
  private static final Map<String, String> PHASES = new LinkedHashMap<>();

  static {
    PHASES.put("Preflight", "preflight: manifest, every file's SHA-256");
    PHASES.put("CreateTables", "create tables");
    PHASES.put("ImportFile", "import");
    PHASES.put("ValidateSegment", "validate: chains, counts (parallel scan)");
    PHASES.put("Reconstruct", "reconstruct: rules, snapshots");
    PHASES.put("DropTables", DROP);
  }

  /** One phase of a restore: from its first activity scheduled to its last one completed. */
  record Phase(String name, long nanos) {}

  /** One restore: its report, its wall time as the client saw it and its phases. */
  record Restore(RestoreReport report, long nanos, List<Phase> phases) {
    long restoredItems() {
      return report.found().commits() + report.found().snapshots();
    }

    /** The wall time less one phase's. */
    long nanosWithout(String phase) {
      return nanos
          - phases.stream().filter(p -> p.name().equals(phase)).mapToLong(Phase::nanos).sum();
    }
  }

  private final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
  private final WorkflowClient client = env.getWorkflowClient();

  RestoreWorkflows(DynamoDbClient dynamo, TableNames tables, BackupStore store) {
    // what the local server registers (LocalTemporalServer), as the workflows upsert them
    env.registerSearchAttribute(
        OperationSearchAttributes.OPERATION.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(
        OperationSearchAttributes.PHASE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    ActiveTablesStore active = new ActiveTablesStore(dynamo, tables, Duration.ZERO);
    Worker worker = env.newWorker(FullRestoreWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        BackupWorkflowImpl.class, FullRestoreWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DynamoDbBackupActivities(dynamo, active, store, SegmentExporter.Settings.defaults()),
        new DynamoDbRestoreActivities(
            dynamo,
            store,
            tables,
            active,
            new ServiceModeStore(dynamo, tables),
            new EventCodec(),
            new SimpleMeterRegistry(),
            Clock.systemUTC()),
        new DynamoDbOperationsRegistry(dynamo, tables, Clock.systemUTC()));
    env.start();
  }

  /** Backs the active tables up as {@code backupId}, {@code segments} scan segments per table. */
  BackupResult backUp(String backupId, int segments) {
    BackupWorkflow backup =
        client.newWorkflowStub(
            BackupWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("backup-" + backupId)
                .setTaskQueue(BackupWorkflow.TASK_QUEUE)
                .build());
    return backup.run(new BackupInput("op-" + backupId, backupId, segments, "bench"));
  }

  /** A dry-run restore of {@code backupId}; {@code sampleSize} -1 rebuilds every order. */
  Restore restore(String restoreId, String backupId, int sampleSize, int parallelism) {
    String workflowId = FullRestoreWorkflow.WORKFLOW_ID_PREFIX + restoreId;
    FullRestoreWorkflow workflow =
        client.newWorkflowStub(
            FullRestoreWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(FullRestoreWorkflow.TASK_QUEUE)
                .build());
    FullRestoreInput input =
        new FullRestoreInput(
            "op-" + restoreId,
            restoreId,
            backupId,
            true,
            "bench",
            sampleSize,
            parallelism,
            false,
            NO_RAMP);
    long start = System.nanoTime();
    RestoreReport report = workflow.run(input);
    long nanos = System.nanoTime() - start;
    return new Restore(report, nanos, phases(workflowId));
  }

  private List<Phase> phases(String workflowId) {
    Map<Long, String> scheduled = new HashMap<>();
    Map<String, Instant> first = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
      Instant at = instant(event.getEventTime());
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          String type = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          scheduled.put(event.getEventId(), type);
          first.putIfAbsent(type, at);
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          String type =
              scheduled.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId());
          last.put(type, at);
        }
        default -> {}
      }
    }
    List<Phase> phases = new ArrayList<>();
    PHASES.forEach(
        (type, name) -> {
          if (first.containsKey(type) && last.containsKey(type)) {
            phases.add(
                new Phase(name, Duration.between(first.get(type), last.get(type)).toNanos()));
          }
        });
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
