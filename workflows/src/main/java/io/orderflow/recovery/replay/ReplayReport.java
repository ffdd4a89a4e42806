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
    CorrectionTotals corrections = totals.corrections();
    map.put("correctionsAppended", corrections.appended());
    map.put("correctionsWouldAppend", corrections.wouldAppend());
    map.put("correctionsNeedingOperator", corrections.needingOperator());
    map.put("correctionsSkipped", corrections.skipped());
    map.put("correctionsUnpublished", corrections.unpublished());
    map.put("corrections", corrections.listed().stream().map(ReplayReport::correction).toList());
    return map;
  }

  private static Map<String, Object> correction(HistoryCorrection c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("orderId", c.orderId());
    map.put("correctsVersion", c.correctsVersion());
    map.put("rule", c.rule());
    map.put("detail", c.detail());
    map.put("outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    map.put("reason", c.reason());
    if (c.amountPaid() != null) {
      map.put("amountPaid", c.amountPaid());
    }
    if (c.amountRefunded() != null) {
      map.put("amountRefunded", c.amountRefunded());
    }
    if (c.outcome() == CorrectionOutcome.APPENDED) {
      map.put("appendedVersion", c.appendedVersion());
      map.put("published", c.published());
    }
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
