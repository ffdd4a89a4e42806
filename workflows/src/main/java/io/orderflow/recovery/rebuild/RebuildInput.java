package io.orderflow.recovery.rebuild;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to rebuild and how.
 *
 * @param projection the read model's registered name ({@code order-summary}, {@code revenue})
 * @param rebuildId names the new generation ({@code <configured table>-gen-<rebuildId>}) and ends
 *     the workflow id
 * @param dryRun build and catch up the new generation, report, then drop it; nothing live changes
 * @param segments parallel scan segments of the events table, each one activity
 * @param takeOver a generation an abandoned rebuild left announced (its operation has ended), which
 *     this one may replace; null for none
 * @param allowUnfoldable swap even when some orders' histories could not be folded (they are listed
 *     in the report and have no row in the new generation); off by default
 * @param settleSeconds how long live writers may take to see a new generation announced (longer
 *     than their cache of the pointer); the catch-up does not start earlier
 * @param lookbackSeconds how far before the announcement the catch-up starts reading commits, for
 *     the clocks of the writers and the time an append takes to reach the time index
 */
public record RebuildInput(
    String operationId,
    String projection,
    String rebuildId,
    RebuildAction action,
    boolean dryRun,
    int segments,
    String startedBy,
    String takeOver,
    boolean allowUnfoldable,
    long settleSeconds,
    long lookbackSeconds) {
  public static final int MAX_SEGMENTS = 32;

  /** What the operation was asked to do, as the operations registry lists it. */
  public Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("projection", projection);
    parameters.put("action", action.name());
    parameters.put("dryRun", dryRun);
    parameters.put("segments", segments);
    parameters.put("allowUnfoldable", allowUnfoldable);
    parameters.put("rebuildId", rebuildId);
    if (takeOver != null) {
      parameters.put("takeOver", takeOver);
    }
    return parameters;
  }
}
