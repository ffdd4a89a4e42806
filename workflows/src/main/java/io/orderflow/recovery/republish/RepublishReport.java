package io.orderflow.recovery.republish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a republish sent: the operator's record of it.
 *
 * @param outcome {@code SENT}, {@code DRY_RUN} (nothing sent, marked or deleted) or {@code
 *     CANCELLED}
 */
public record RepublishReport(
    String operationId,
    String source,
    String from,
    String to,
    boolean dryRun,
    int eventsPerSecond,
    String outcome,
    String startedAt,
    String finishedAt,
    RepublishTotals totals) {

  /** The report as the operations registry stores it (JSON-ready: the totals as an object). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", outcome);
    map.put("source", source);
    map.put("from", from);
    map.put("to", to);
    map.put("dryRun", dryRun);
    map.put("eventsPerSecond", eventsPerSecond);
    map.put("startedAt", startedAt);
    map.put("finishedAt", finishedAt);
    map.put("totals", totals);
    return map;
  }
}
