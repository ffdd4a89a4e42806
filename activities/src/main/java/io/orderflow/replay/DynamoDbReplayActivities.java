package io.orderflow.replay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.eventstore.dynamodb.DynamoDbEventStore;
import io.orderflow.eventstore.dynamodb.EventExplorer;
import io.orderflow.eventstore.dynamodb.ExplorerPage;
import io.orderflow.eventstore.dynamodb.ExplorerQuery;
import io.orderflow.order.Order;
import io.orderflow.order.OrderInvariants;
import io.orderflow.order.RecordedEvent;
import io.orderflow.projection.OrderSummary;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.projection.ProjectionRegistry;
import io.orderflow.projection.ReadModel;
import io.orderflow.recovery.OperationFinish;
import io.orderflow.recovery.replay.CorrectedOrders;
import io.orderflow.recovery.replay.HistoryCorrection;
import io.orderflow.recovery.replay.OrderChange;
import io.orderflow.recovery.replay.OrderChange.FieldChange;
import io.orderflow.recovery.replay.OrderSelection;
import io.orderflow.recovery.replay.ReplayActivities;
import io.orderflow.recovery.replay.ReplayBatch;
import io.orderflow.recovery.replay.ReplayBatchResult;
import io.orderflow.snapshot.OrderSnapshot;
import io.orderflow.snapshot.SnapshotStore;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Replays orders against the active tables with today's fold. What it rewrites (snapshots,
 * projection rows) is derived data; the one thing it appends is a corrective event where the stored
 * history breaks a rule that has an automatic correction ({@link HistoryCorrector}), and it never
 * publishes: the workflow does, through the order worker's publication activity.
 */
public final class DynamoDbReplayActivities implements ReplayActivities {
  private final DynamoDbEventStore store;
  private final SnapshotStore snapshots;
  private final OrderSummaryProjection projection;
  private final EventExplorer explorer;
  private final Clock clock;
  private final Timer duration;
  private final HistoryCorrector corrector;
  private final ProjectionRegistry readModels;

  public DynamoDbReplayActivities(
      DynamoDbEventStore store,
      SnapshotStore snapshots,
      OrderSummaryProjection projection,
      EventExplorer explorer,
      MeterRegistry meters,
      Clock clock) {
    this.store = store;
    this.snapshots = snapshots;
    this.projection = projection;
    this.explorer = explorer;
    this.clock = clock;
    this.corrector = new HistoryCorrector(store, meters, clock);
    this.readModels = ProjectionRegistry.around(projection);
    // registered up front, so the series exists (count 0) before the first replay
    this.duration =
        Timer.builder("orderflow.replay.duration")
            .description("How long a replay after a logic bug took, from start to report")
            .publishPercentileHistogram()
            .register(meters);
  }

  @Override
  public OrderSelection selectOrders(String from, String to, String pageToken) {
    ExplorerPage page =
        explorer.query(
            new ExplorerQuery(
                Instant.parse(from),
                Instant.parse(to),
                Optional.empty(),
                ExplorerQuery.MAX_LIMIT,
                Optional.ofNullable(pageToken)));
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    page.events().forEach(e -> ids.add(e.orderId()));
    return new OrderSelection(List.copyOf(ids), page.nextPageToken().orElse(null));
  }

  @Override
  public ReplayBatchResult replay(ReplayBatch batch) {
    var context = Activity.getExecutionContext();
    List<OrderChange> changed = new ArrayList<>();
    long rewritten = 0;
    long fixed = 0;
    long violations = 0;
    List<HistoryCorrection> corrections = new ArrayList<>();
    String workflowId = context.getInfo().getWorkflowId();
    int n = 0;
    for (String orderId : batch.orderIds()) {
      ReplayStream stream = ReplayStream.read(store, orderId);
      List<RecordedEvent> events = stream.events();
      OrderInvariants.Checked checked = OrderInvariants.check(orderId, events);
      Order folded = checked.state();
      List<FieldChange> fields = new ArrayList<>();
      Optional<Order> snapshotFix = snapshotDiff(orderId, events, fields);
      Optional<OrderSummary> row = projection.get(orderId);
      if (folded.exists()) {
        if (row.isEmpty()) {
          fields.add(new FieldChange("projection", "row", null, "present"));
        } else {
          fields.addAll(FieldDiff.between("projection", row.get(), summaryOf(folded)));
        }
      }
      List<String> broken =
          checked.violations().stream()
              .map(v -> v.rule() + " at version " + v.version() + ": " + v.detail())
              .toList();
      if (!broken.isEmpty()) {
        violations++;
      }
      if (!fields.isEmpty() || !broken.isEmpty()) {
        changed.add(new OrderChange(orderId, folded.version(), fields, broken));
      }
      corrections.addAll(corrector.correct(stream, batch, workflowId));
      if (!batch.dryRun()) {
        if (snapshotFix.isPresent()) {
          snapshots.save(
              new OrderSnapshot(snapshotFix.get(), Order.STATE_SCHEMA_VERSION, clock.instant()));
          rewritten++;
        }
        if (folded.exists() && fields.stream().anyMatch(f -> f.where().equals("projection"))) {
          projection.replace(folded);
          fixed++;
        }
      }
      context.heartbeat(++n);
    }
    return new ReplayBatchResult(
        batch.orderIds().size(), changed, rewritten, fixed, violations, corrections);
  }

  @Override
  public void refreshCorrected(CorrectedOrders orders) {
    var context = Activity.getExecutionContext();
    int n = 0;
    for (String orderId : orders.orderIds()) {
      Order head = Order.fold(orderId, ReplayStream.read(store, orderId).events());
      snapshots.save(new OrderSnapshot(head, Order.STATE_SCHEMA_VERSION, clock.instant()));
      for (ReadModel model : readModels.all()) {
        model.upsert(head);
      }
      context.heartbeat(++n);
    }
  }

  @Override
  public void recordDuration(OperationFinish finish, long millis) {
    duration.record(Duration.ofMillis(millis));
  }

  /**
   * Adds the snapshot's differences from the fold at its own version; returns the state the
   * snapshot should hold when it differs.
   */
  private Optional<Order> snapshotDiff(
      String orderId, List<RecordedEvent> events, List<FieldChange> fields) {
    Optional<SnapshotStore.StoredSnapshot> latest = snapshots.latest(orderId);
    if (latest.isEmpty() || latest.get().stateSchemaVersion() != Order.STATE_SCHEMA_VERSION) {
      return Optional.empty(); // none, or an old shape the loader already ignores
    }
    long at = latest.get().version();
    Order expected = Order.fold(orderId, events.stream().filter(e -> e.version() <= at).toList());
    Optional<Order> stored = snapshots.tryDecode(latest.get());
    if (stored.isEmpty()) {
      fields.add(new FieldChange("snapshot", "state", "unreadable", "version " + at));
      return Optional.of(expected);
    }
    List<FieldChange> diff = FieldDiff.between("snapshot", stored.get(), expected);
    fields.addAll(diff);
    return diff.isEmpty() ? Optional.empty() : Optional.of(expected);
  }

  private static OrderSummary summaryOf(Order order) {
    return new OrderSummary(
        order.orderId(),
        order.customerId(),
        order.status().name(),
        order.currency(),
        order.total(),
        order.version(),
        order.createdAt(),
        order.updatedAt());
  }
}
