package io.orderflow.recovery.rebuild;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a projection rebuild operation did: the operator's record of it.
 *
 * @param outcome {@code SWAPPED} (the new generation serves), {@code DRY_RUN} (built, then
 *     dropped), {@code ROLLED_BACK} (the previous generation serves again) or {@code DROPPED}
 * @param generation the generation built (or rolled back to, or dropped)
 * @param activeTable the generation serving when the operation ended
 * @param previousTable the generation kept for rollback; null when none
 * @param scanned what the scan read and wrote, summed over the segments
 * @param resumedSegments segments an attempt resumed from an earlier one's heartbeat
 * @param problems orders whose history could not be folded, the first of them; {@code unfoldable}
 *     counts them all
 */
public record RebuildReport(
    String rebuildId,
    String projection,
    RebuildAction action,
    boolean dryRun,
    String outcome,
    String generation,
    String activeTable,
    String previousTable,
    long revision,
    String eventsTable,
    Scanned scanned,
    long resumedSegments,
    CaughtUp caughtUp,
    long unfoldable,
    List<String> problems) {

  /** At most this many problems are listed in a report; the count is always exact. */
  public static final int MAX_LISTED = 100;

  /** Commits and events read, orders folded, rows written. */
  public record Scanned(long commits, long events, long orders, long rows) {
    static final Scanned NONE = new Scanned(0, 0, 0, 0);
  }

  /** The report as the operations registry stores it. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rebuildId", rebuildId);
    map.put("projection", projection);
    map.put("action", action.name());
    map.put("dryRun", dryRun);
    map.put("outcome", outcome);
    map.put("generation", generation);
    map.put("activeTable", activeTable);
    map.put("previousTable", previousTable);
    map.put("revision", revision);
    map.put("eventsTable", eventsTable);
    Map<String, Object> scan = new LinkedHashMap<>();
    scan.put("commits", scanned.commits());
    scan.put("events", scanned.events());
    scan.put("orders", scanned.orders());
    scan.put("rows", scanned.rows());
    map.put("scanned", scan);
    map.put("resumedSegments", resumedSegments);
    if (caughtUp != null) {
      Map<String, Object> catchUp = new LinkedHashMap<>();
      catchUp.put("since", caughtUp.since());
      catchUp.put("commits", caughtUp.commits());
      catchUp.put("orders", caughtUp.orders());
      catchUp.put("rowsMoved", caughtUp.rowsMoved());
      map.put("caughtUp", catchUp);
    }
    map.put("unfoldable", unfoldable);
    map.put("problems", problems);
    return map;
  }
}
