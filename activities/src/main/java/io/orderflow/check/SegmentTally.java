package io.orderflow.check;

import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.recovery.check.Finding;
import io.orderflow.recovery.check.FindingKind;
import io.orderflow.recovery.check.SegmentCheck;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one segment's scan has seen so far; rebuilt from a heartbeat when the scan resumes. */
final class SegmentTally {
  private final int segment;
  private long orders;
  private long commits;
  private long events;
  private long snapshots;
  private long projections;
  private final Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
  private final List<Finding> findings = new ArrayList<>();

  SegmentTally(int segment) {
    this.segment = segment;
  }

  /** Carries on from a heartbeat's partial result. */
  static SegmentTally resume(SegmentCheck partial) {
    SegmentTally tally = new SegmentTally(partial.segment());
    tally.orders = partial.orders();
    tally.commits = partial.commits();
    tally.events = partial.events();
    tally.snapshots = partial.snapshotsCompared();
    tally.projections = partial.projectionsCompared();
    tally.counts.putAll(partial.counts());
    tally.findings.addAll(partial.findings());
    return tally;
  }

  void order(List<StoredCommit> stream) {
    orders++;
    commits += stream.size();
    events += stream.stream().mapToLong(c -> c.events().size()).sum();
  }

  void snapshotCompared() {
    snapshots++;
  }

  void projectionCompared() {
    projections++;
  }

  void add(FindingKind kind, String orderId, long version, String detail) {
    counts.merge(kind, 1L, Long::sum);
    if (findings.size() < SegmentCheck.MAX_LISTED) {
      findings.add(new Finding(kind, orderId, version, detail));
    }
  }

  SegmentCheck result() {
    return new SegmentCheck(
        segment,
        orders,
        commits,
        events,
        snapshots,
        projections,
        new EnumMap<>(counts),
        List.copyOf(findings));
  }
}
