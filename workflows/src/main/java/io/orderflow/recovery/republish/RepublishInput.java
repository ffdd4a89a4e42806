package io.orderflow.recovery.republish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to send again.
 *
 * @param from with {@link RepublishSource#RANGE}: ISO-8601 instant, commits made at or after it
 * @param to with {@link RepublishSource#RANGE}: ISO-8601 instant, commits made before it
 * @param dryRun list and count what would be sent; send, mark and delete nothing
 * @param eventsPerSecond the pace; null for the worker's setting
 * @param state where an earlier run of this workflow stopped (continue-as-new); null to begin
 */
public record RepublishInput(
    String operationId,
    String startedBy,
    RepublishSource source,
    String from,
    String to,
    boolean dryRun,
    Integer eventsPerSecond,
    RepublishState state) {

  /** What was asked, as the operations registry lists it: {@code configured} for a default. */
  public Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("source", source.wireName());
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("dryRun", dryRun);
    parameters.put("eventsPerSecond", eventsPerSecond == null ? "configured" : eventsPerSecond);
    return parameters;
  }

  /** The same request, resumed from {@code next}. */
  RepublishInput continuing(RepublishState next) {
    return new RepublishInput(
        operationId, startedBy, source, from, to, dryRun, eventsPerSecond, next);
  }
}
