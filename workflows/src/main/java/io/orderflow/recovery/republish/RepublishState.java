package io.orderflow.recovery.republish;

/**
 * Everything a republish carries from one run to the next over continue-as-new.
 *
 * @param plan the settings fixed at the start
 * @param cutoff ISO-8601, fixed at the start (see {@link BatchRequest#cutoff()})
 * @param cursor where the next batch starts
 * @param startedAt ISO-8601, when the first run began
 */
public record RepublishState(
    RepublishPlan plan,
    int eventsPerSecond,
    String cutoff,
    String cursor,
    String startedAt,
    RepublishTotals totals) {

  RepublishState after(String next, RepublishTotals sum) {
    return new RepublishState(plan, eventsPerSecond, cutoff, next, startedAt, sum);
  }
}
