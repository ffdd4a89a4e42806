package io.orderflow.recovery.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a consistency check found: the operator's record of it.
 *
 * @param outcome {@code CLEAN} (nothing found), {@code FINDINGS}, or {@code CANCELLED} (a scheduled
 *     run that was cancelled: the counts are of the segments that finished, and are not a verdict)
 * @param counts every finding by kind, every kind listed (zero included); exact
 * @param findings the first {@link #MAX_LISTED} findings; {@code findingCount} counts them all
 */
public record CheckReport(
    String operationId,
    String outcome,
    boolean scheduled,
    String startedAt,
    String finishedAt,
    long staleAfterSeconds,
    int segments,
    long orders,
    long commits,
    long events,
    long snapshotsCompared,
    long projectionsCompared,
    long findingCount,
    Map<FindingKind, Long> counts,
    List<Finding> findings) {

  /** At most this many findings are listed in a report; the counts are always exact. */
  public static final int MAX_LISTED = 200;

  /** The segments' results summed up. */
  static CheckReport of(
      CheckInput input,
      String operationId,
      String startedAt,
      String finishedAt,
      long staleAfterSeconds,
      int segments,
      List<SegmentCheck> checks,
      boolean cancelled) {
    Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
    for (FindingKind kind : FindingKind.values()) {
      counts.put(kind, 0L);
    }
    List<Finding> findings = new ArrayList<>();
    long orders = 0;
    long commits = 0;
    long events = 0;
    long snapshots = 0;
    long projections = 0;
    for (SegmentCheck check : checks) {
      orders += check.orders();
      commits += check.commits();
      events += check.events();
      snapshots += check.snapshotsCompared();
      projections += check.projectionsCompared();
      check.counts().forEach((kind, n) -> counts.merge(kind, n, Long::sum));
      for (Finding finding : check.findings()) {
        if (findings.size() < MAX_LISTED) {
          findings.add(finding);
        }
      }
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    String outcome = cancelled ? "CANCELLED" : total == 0 ? "CLEAN" : "FINDINGS";
    return new CheckReport(
        operationId,
        outcome,
        input.scheduled(),
        startedAt,
        finishedAt,
        staleAfterSeconds,
        segments,
        orders,
        commits,
        events,
        snapshots,
        projections,
        total,
        counts,
        List.copyOf(findings));
  }

  /** The report as the operations registry stores it (JSON-ready). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", outcome);
    map.put("scheduled", scheduled);
    map.put("startedAt", startedAt);
    map.put("finishedAt", finishedAt);
    map.put("staleAfterSeconds", staleAfterSeconds);
    map.put("segments", segments);
    map.put("orders", orders);
    map.put("commits", commits);
    map.put("events", events);
    map.put("snapshotsCompared", snapshotsCompared);
    map.put("projectionsCompared", projectionsCompared);
    map.put("findingCount", findingCount);
    // Records and enum-keyed maps travel as JSON objects (kind names as keys and values).
    map.put("counts", counts);
    map.put("findings", findings);
    return map;
  }
}
