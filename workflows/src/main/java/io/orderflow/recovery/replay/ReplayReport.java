package io.orderflow.recovery.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a replay examined, found and repaired. */
public record ReplayReport(boolean dryRun, ReplayTotals totals) {

  /** The report as the operations registry stores it. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("dryRun", dryRun);
    map.put("examined", totals.examined());
    map.put("changedCount", totals.changedCount());
    map.put("snapshotsRewritten", totals.snapshotsRewritten());
    map.put("projectionRowsFixed", totals.projectionRowsFixed());
    map.put("historyViolations", totals.historyViolations());
    map.put("changed", totals.changed().stream().map(ReplayReport::change).toList());
    return map;
  }

  private static Map<String, Object> change(OrderChange change) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("orderId", change.orderId());
    map.put("version", change.version());
    List<Map<String, Object>> fields =
        change.fields().stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("where", f.where());
                  m.put("field", f.field());
                  m.put("stored", f.stored());
                  m.put("folded", f.folded());
                  return m;
                })
            .toList();
    map.put("fields", fields);
    map.put("violations", change.violations());
    return map;
  }
}
