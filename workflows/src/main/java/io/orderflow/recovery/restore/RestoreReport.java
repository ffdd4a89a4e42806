package io.orderflow.recovery.restore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a full restore did and found: the operator's record of it.
 *
 * @param outcome {@code SWITCHED} (the restored tables serve), {@code DRY_RUN} (checked, then
 *     dropped), {@code ROLLED_BACK} (the ramp failed before anything was written; the old tables
 *     serve again) or {@code HELD_READ_ONLY} (the ramp failed after writes reached the restored
 *     tables; the service stays READ_ONLY for an operator to decide)
 * @param restoredTables the new events and snapshots tables
 * @param previousTables the tables that served before; kept for rollback until an operator drops
 *     them
 * @param expected item and order counts the backup's manifest states
 * @param found the same counts, read back from the restored tables
 * @param anomalies the first anomalies found; {@code anomalyCount} counts them all
 * @param preflight what the preflight checked (workers, files)
 * @param ramp what each probe of the ramp saw, and how the ramp ended
 */
public record RestoreReport(
    String restoreId,
    String backupId,
    boolean dryRun,
    String outcome,
    ActivePointer restoredTables,
    ActivePointer previousTables,
    Counts expected,
    Counts found,
    long reconstructed,
    long snapshotsCompared,
    long anomalyCount,
    List<Anomaly> anomalies,
    List<String> preflight,
    List<String> ramp) {

  /** At most this many anomalies are listed in a report; the count is always exact. */
  public static final int MAX_LISTED = 200;

  /** Commits, snapshots and orders. */
  public record Counts(long commits, long snapshots, long orders) {}

  /** The report as the operations registry stores it. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("restoreId", restoreId);
    map.put("backupId", backupId);
    map.put("dryRun", dryRun);
    map.put("outcome", outcome);
    map.put("restoredTables", tables(restoredTables));
    map.put("previousTables", tables(previousTables));
    map.put("expected", counts(expected));
    map.put("found", counts(found));
    map.put("reconstructed", reconstructed);
    map.put("snapshotsCompared", snapshotsCompared);
    map.put("anomalyCount", anomalyCount);
    map.put(
        "anomalies",
        anomalies.stream()
            .map(
                a -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("kind", a.kind());
                  m.put("orderId", a.orderId());
                  m.put("version", a.version());
                  m.put("detail", a.detail());
                  return m;
                })
            .toList());
    map.put("preflight", preflight);
    map.put("ramp", ramp);
    return map;
  }

  private static Map<String, Object> tables(ActivePointer pointer) {
    if (pointer == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", pointer.events());
    m.put("snapshots", pointer.snapshots());
    return m;
  }

  private static Map<String, Object> counts(Counts counts) {
    if (counts == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commits", counts.commits());
    m.put("snapshots", counts.snapshots());
    m.put("orders", counts.orders());
    return m;
  }
}
