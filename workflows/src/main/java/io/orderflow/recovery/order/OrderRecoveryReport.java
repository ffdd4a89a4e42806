package io.orderflow.recovery.order;

import io.orderflow.order.OrderInvariants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a recovery changed, or in a dry run would change; kept as the operation's result.
 *
 * @param restored keys of the commits put back
 * @param quarantined live commits moved to the quarantine table, with the reason
 * @param kept keys of the live commits newer than the backup, kept and verified
 * @param unchanged keys of the live commits that already equalled the backup's
 * @param violations business rules the recovered history breaks (OrderInvariants)
 * @param snapshotVersion the version of the snapshot written (or that would be)
 */
public record OrderRecoveryReport(
    String orderId,
    String backupId,
    boolean dryRun,
    List<Long> restored,
    List<QuarantinedCommit> quarantined,
    List<Long> kept,
    List<Long> unchanged,
    List<OrderInvariants.Violation> violations,
    long snapshotVersion,
    boolean snapshotWritten,
    boolean projectionUpdated,
    String verification) {

  /** The report as the registry keeps it: JSON-ready values only. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("orderId", orderId);
    map.put("backupId", backupId);
    map.put("dryRun", dryRun);
    map.put("restored", restored);
    map.put("quarantined", quarantined.stream().map(OrderRecoveryReport::quarantined).toList());
    map.put("kept", kept);
    map.put("unchanged", unchanged);
    map.put("violations", violations.stream().map(OrderRecoveryReport::violation).toList());
    map.put("snapshotVersion", snapshotVersion);
    map.put("snapshotWritten", snapshotWritten);
    map.put("projectionUpdated", projectionUpdated);
    map.put("verified", verification == null);
    if (verification != null) {
      map.put("verification", verification);
    }
    return map;
  }

  private static Map<String, Object> quarantined(QuarantinedCommit q) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("version", q.version());
    map.put("reason", q.reason().name());
    if (q.quarantineKey() != null) {
      map.put("quarantineKey", q.quarantineKey());
    }
    return map;
  }

  private static Map<String, Object> violation(OrderInvariants.Violation v) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("version", v.version());
    map.put("rule", v.rule());
    map.put("detail", v.detail());
    return map;
  }
}
