package io.orderflow.check;

import io.orderflow.eventstore.dynamodb.ActiveTables;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.projection.OrderSummaryProjection;
import io.orderflow.recovery.check.CheckReport;
import io.orderflow.recovery.check.CheckSettings;
import io.orderflow.recovery.check.ConsistencyCheckActivities;
import io.orderflow.recovery.check.SegmentCheck;
import io.orderflow.recovery.check.SegmentCheckRequest;
import io.orderflow.restore.OrderReconstruction;
import io.orderflow.restore.SegmentScan;
import io.orderflow.snapshot.SnapshotStore;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The consistency check against the active tables in DynamoDB. Reads only, but the verdict. */
public final class DynamoDbConsistencyCheckActivities implements ConsistencyCheckActivities {
  private static final Logger log =
      LoggerFactory.getLogger(DynamoDbConsistencyCheckActivities.class);

  private final DynamoDbClient dynamo;
  private final ActiveTables active;
  private final CheckVerdicts verdicts;
  private final ConsistencyGauges gauges;
  private final CheckSettings settings;
  private final SegmentScan scan;
  private final StreamCheck streams;

  public DynamoDbConsistencyCheckActivities(
      DynamoDbClient dynamo,
      ActiveTables active,
      OrderSummaryProjection projection,
      EventCodec codec,
      CheckVerdicts verdicts,
      ConsistencyGauges gauges,
      CheckSettings settings) {
    this.dynamo = dynamo;
    this.active = active;
    this.verdicts = verdicts;
    this.gauges = gauges;
    this.settings = settings;
    this.scan = new SegmentScan(dynamo);
    this.streams = new StreamCheck(new OrderReconstruction(codec), projection);
  }

  /** Where a segment's scan stood at its last heartbeat, and what it had found by then. */
  public record Checkpoint(SegmentScan.Position after, SegmentCheck partial) {}

  @Override
  public CheckSettings checkSettings() {
    return settings;
  }

  @Override
  public SegmentCheck checkSegment(SegmentCheckRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Checkpoint resumed = context.getHeartbeatDetails(Checkpoint.class).orElse(null);
    SegmentTally tally =
        resumed == null
            ? new SegmentTally(request.segment())
            : SegmentTally.resume(resumed.partial());
    if (resumed != null) {
      log.info(
          "consistency check of segment {} resumes after {} (attempt {})",
          request.segment(),
          resumed.after(),
          context.getInfo().getAttempt());
    }
    // One pair of tables for the whole segment, even if a restore switches them meanwhile.
    String events = active.events();
    SnapshotStore snapshots =
        new SnapshotStore(dynamo, ActiveTables.of(events, active.snapshots()));
    Instant cutoff = Instant.parse(request.cutoff());
    scan.orders(
        events,
        request.segment(),
        request.totalSegments(),
        resumed == null ? null : resumed.after(),
        (orderId, commits) -> streams.check(orderId, commits, snapshots, cutoff, tally),
        after -> context.heartbeat(new Checkpoint(after, tally.result())));
    return tally.result();
  }

  @Override
  public void recordCheckVerdict(CheckReport report) {
    verdicts.record(report);
    gauges.refresh();
  }
}
