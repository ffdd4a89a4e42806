package io.orderflow.restore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.backup.BackupManifest;
import io.orderflow.backup.BackupStore;
import io.orderflow.bootstrap.TableBootstrap;
import io.orderflow.bootstrap.TableWaits;
import io.orderflow.control.ActiveTablesStore;
import io.orderflow.control.RestoreLock;
import io.orderflow.control.ServiceMode;
import io.orderflow.control.ServiceModeStore;
import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StreamVerifier;
import io.orderflow.eventstore.dynamodb.TableNames;
import io.orderflow.recovery.backup.BackupTable;
import io.orderflow.recovery.restore.ActivePointer;
import io.orderflow.recovery.restore.Anomaly;
import io.orderflow.recovery.restore.BackupPlan;
import io.orderflow.recovery.restore.ImportRequest;
import io.orderflow.recovery.restore.ImportResult;
import io.orderflow.recovery.restore.ModeRequest;
import io.orderflow.recovery.restore.Probe;
import io.orderflow.recovery.restore.ProbeRequest;
import io.orderflow.recovery.restore.ReconstructRequest;
import io.orderflow.recovery.restore.Reconstruction;
import io.orderflow.recovery.restore.RestoreActivities;
import io.orderflow.recovery.restore.RestoreFile;
import io.orderflow.recovery.restore.SegmentValidation;
import io.orderflow.recovery.restore.SwitchRequest;
import io.orderflow.recovery.restore.ValidateRequest;
import io.orderflow.snapshot.SnapshotStore;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The full restore against DynamoDB and a {@link BackupStore}. */
public final class DynamoDbRestoreActivities implements RestoreActivities {
  private static final Logger log = LoggerFactory.getLogger(DynamoDbRestoreActivities.class);

  /** Sampled order ids one segment sends back at most (they travel in workflow history). */
  static final int MAX_SAMPLE_PER_SEGMENT = 2_000;

  private final DynamoDbClient dynamo;
  private final BackupStore store;
  private final TableNames configured;
  private final ActiveTablesStore active;
  private final ServiceModeStore modes;
  private final RestoreLock lock;
  private final EventCodec codec;
  private final MeterRegistry meters;
  private final Clock clock;
  private final SegmentScan scan;
  private final FileImporter importer;
  private final OrderReconstruction reconstruction;
  private WorkerCheck workers = WorkerCheck.NONE;

  public DynamoDbRestoreActivities(
      DynamoDbClient dynamo,
      BackupStore store,
      TableNames configured,
      ActiveTablesStore active,
      ServiceModeStore modes,
      EventCodec codec,
      MeterRegistry meters,
      Clock clock) {
    this.dynamo = dynamo;
    this.store = store;
    this.configured = configured;
    this.active = active;
    this.modes = modes;
    this.lock = new RestoreLock(dynamo, configured.control());
    this.codec = codec;
    this.meters = meters;
    this.clock = clock;
    this.scan = new SegmentScan(dynamo);
    this.importer = new FileImporter(dynamo, store);
    this.reconstruction = new OrderReconstruction(codec);
  }

  /** Checks the workers in the preflight too. */
  public DynamoDbRestoreActivities checkingWorkers(WorkerCheck check) {
    this.workers = check;
    return this;
  }

  @Override
  public BackupPlan preflight(String backupId) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    // Reaching the control table proves DynamoDB answers; the serving tables may be the very thing
    // that was lost, which is no reason not to restore.
    ActiveTablesStore.Pointer pointer = active.read();
    ServiceMode mode = modes.read().mode();
    List<String> notes = new ArrayList<>();
    try {
      workers
          .problem()
          .ifPresent(
              problem -> {
                throw ApplicationFailure.newNonRetryableFailure(problem, "WorkersUnreachable");
              });
      notes.add("workers: the orders queue has pollers");
    } catch (UnsupportedOperationException unknown) {
      notes.add("workers: not checked (" + unknown.getMessage() + ")");
    }
    BackupManifest manifest =
        store
            .read(backupId)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "there is no complete backup " + backupId, "BackupNotFound"));
    List<RestoreFile> files = new ArrayList<>();
    long events = 0;
    long snapshots = 0;
    int checked = 0;
    for (BackupManifest.Table table : manifest.tables()) {
      BackupTable role = BackupTable.valueOf(table.role());
      if (role == BackupTable.EVENTS) {
        events += table.itemCount();
      } else {
        snapshots += table.itemCount();
      }
      for (BackupManifest.DataFile file : table.files()) {
        if (!store.verify(backupId, file)) {
          throw ApplicationFailure.newNonRetryableFailure(
              "backup " + backupId + ": " + file.path() + " does not match its checksum",
              "BackupTampered");
        }
        context.heartbeat(++checked);
        files.add(new RestoreFile(role, file.path(), file.itemCount()));
      }
    }
    notes.add(checked + " data files match their checksums");
    BackupManifest.OrdersIndexFile index = manifest.ordersIndex();
    if (index != null
        && !store.verify(
            backupId,
            new BackupManifest.DataFile(index.path(), index.orders(), index.sha256(), null, 0))) {
      throw ApplicationFailure.newNonRetryableFailure(
          "backup " + backupId + ": " + index.path() + " does not match its checksum",
          "BackupTampered");
    }
    return new BackupPlan(
        backupId,
        files,
        events,
        snapshots,
        index == null ? -1 : index.orders(),
        configured.events(),
        configured.snapshots(),
        new ActivePointer(pointer.events(), pointer.snapshots(), pointer.revision()),
        mode.name(),
        notes);
  }

  @Override
  public String setServiceMode(ModeRequest request) {
    ServiceModeStore.Setting before = modes.read();
    ServiceMode next = ServiceMode.valueOf(request.mode());
    if (before.mode() != next) {
      modes.write(
          new ServiceModeStore.Setting(
              next, request.changedBy(), request.reason(), clock.instant()));
    }
    return before.mode().name();
  }

  @Override
  public void createTables(ActivePointer targets) {
    refuseLive(List.of(targets.events(), targets.snapshots()));
    TableWaits.createAll(
        dynamo,
        List.of(
            TableBootstrap.eventsTable(targets.events()),
            TableBootstrap.snapshotsTable(targets.snapshots())));
  }

  @Override
  public ImportResult importFile(ImportRequest request) {
    refuseLive(List.of(request.targetTable()));
    ActivityExecutionContext context = Activity.getExecutionContext();
    long skip = context.getHeartbeatDetails(Long.class).orElse(0L);
    if (skip > 0) {
      log.info(
          "import of {} into {} resumes after line {} (attempt {})",
          request.file().path(),
          request.targetTable(),
          skip,
          context.getInfo().getAttempt());
    }
    long lines =
        importer.importFile(
            request.backupId(),
            request.file().path(),
            request.targetTable(),
            skip,
            context::heartbeat);
    if (request.file().items() != lines) {
      throw ApplicationFailure.newNonRetryableFailure(
          request.file().path()
              + " holds "
              + lines
              + " items where the manifest states "
              + request.file().items(),
          "InvalidBackup");
    }
    return new ImportResult(request.file().path(), lines);
  }

  @Override
  public SegmentValidation validateSegment(ValidateRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    long[] counts = new long[3]; // commits, events, orders
    long[] anomalyCount = {0};
    List<Anomaly> anomalies = new ArrayList<>();
    List<String> sample = new ArrayList<>();
    Runnable beat = () -> context.heartbeat(counts[0]);
    scan.orders(
        request.eventsTable(),
        request.segment(),
        request.totalSegments(),
        (orderId, commits) -> {
          counts[0] += commits.size();
          counts[1] += commits.stream().mapToLong(c -> c.events().size()).sum();
          counts[2]++;
          StreamVerifier.verify(orderId, commits)
              .ifPresent(
                  f -> {
                    anomalyCount[0]++;
                    if (anomalies.size() < SegmentValidation.MAX_LISTED) {
                      anomalies.add(
                          new Anomaly(f.problem().name(), orderId, f.version(), f.detail()));
                    }
                  });
          if (sample.size() < MAX_SAMPLE_PER_SEGMENT
              && Sampling.picks(orderId, request.sampleFraction())) {
            sample.add(orderId);
          }
        },
        beat);
    long snapshots =
        scan.count(request.snapshotsTable(), request.segment(), request.totalSegments(), beat);
    return new SegmentValidation(
        request.segment(),
        counts[0],
        counts[1],
        counts[2],
        snapshots,
        anomalyCount[0],
        anomalies,
        sample);
  }

  @Override
  public Reconstruction reconstruct(ReconstructRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    SnapshotStore snapshots =
        new SnapshotStore(dynamo, ActiveTables.of(request.eventsTable(), request.snapshotsTable()));
    OrderReconstruction.Tally tally = reconstruction.tally();
    if (request.orderIds() != null) {
      int n = 0;
      for (String orderId : request.orderIds()) {
        reconstruction.check(
            orderId, scan.stream(request.eventsTable(), orderId), snapshots, tally);
        if (++n % 50 == 0) {
          context.heartbeat(n);
        }
      }
    } else {
      scan.orders(
          request.eventsTable(),
          request.segment(),
          request.totalSegments(),
          (orderId, commits) -> reconstruction.check(orderId, commits, snapshots, tally),
          () -> context.heartbeat(tally.orders()));
    }
    return tally.result();
  }

  @Override
  public ActivePointer switchTables(SwitchRequest request) {
    for (String table : List.of(request.events(), request.snapshots())) {
      try {
        dynamo.describeTable(r -> r.tableName(table));
      } catch (ResourceNotFoundException missing) {
        throw ApplicationFailure.newNonRetryableFailure(
            "cannot switch to " + table + ": it does not exist", "InvalidBackup");
      }
    }
    try {
      ActiveTablesStore.Pointer p =
          active.switchTo(
              request.events(),
              request.snapshots(),
              request.expectedRevision(),
              request.switchedBy(),
              clock.instant());
      return new ActivePointer(p.events(), p.snapshots(), p.revision());
    } catch (ActiveTablesStore.PointerMoved moved) {
      throw ApplicationFailure.newNonRetryableFailure(moved.getMessage(), "PointerMoved");
    }
  }

  @Override
  public Probe probe(ProbeRequest request) {
    active.forget();
    String events = active.events();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (String orderId : request.orderIds()) {
      try {
        List<StoredCommit> commits = scan.stream(events, orderId);
        if (commits.isEmpty()) {
          problems.add(orderId + " is missing from " + events);
        } else {
          StreamVerifier.verify(orderId, commits)
              .ifPresent(f -> problems.add(orderId + ": " + f.problem() + " " + f.detail()));
        }
        checked++;
      } catch (RuntimeException failed) {
        problems.add(orderId + ": " + failed.getMessage());
      }
    }
    long failures =
        (long)
            meters.find("orderflow.events.persistence.failures").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    return new Probe(failures, checked, events, problems);
  }

  @Override
  public long commitsSince(String eventsTable, String since) {
    String from = CommitItems.sortableTime(java.time.Instant.parse(since));
    long count = 0;
    Map<String, AttributeValue> start = null;
    try {
      do {
        var request =
            software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder()
                .tableName(eventsTable)
                .select(Select.COUNT)
                .filterExpression("timeKey >= :from")
                .expressionAttributeValues(Map.of(":from", AttributeValue.fromS(from)));
        if (start != null) {
          request.exclusiveStartKey(start);
        }
        ScanResponse response = dynamo.scan(request.build());
        count += response.count();
        start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
      } while (start != null && !start.isEmpty());
    } catch (ResourceNotFoundException gone) {
      return 0;
    }
    return count;
  }

  @Override
  public void dropTables(List<String> tables) {
    refuseLive(tables);
    TableWaits.deleteAll(dynamo, tables);
  }

  @Override
  public void releaseLock(String operationId) {
    lock.release(operationId);
  }

  /** A restore never writes into, or drops, a table that serves or is configured. */
  private void refuseLive(List<String> tables) {
    ActiveTablesStore.Pointer pointer = active.read();
    Set<String> live =
        Set.copyOf(
            List.of(
                pointer.events(),
                pointer.snapshots(),
                configured.events(),
                configured.snapshots(),
                configured.projections(),
                configured.operations(),
                configured.control(),
                configured.quarantine()));
    for (String table : tables) {
      if (live.contains(table)) {
        throw ApplicationFailure.newNonRetryableFailure(
            table + " is live; a restore only writes into and drops its own new tables",
            "TableInUse");
      }
    }
  }
}
