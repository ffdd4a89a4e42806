package io.orderflow.recovery.replay;

import java.util.List;

/**
 * Which orders to replay, and whether to change anything.
 *
 * @param orderIds the orders, or null to take every order with a commit in {@code from}–{@code to}
 * @param from ISO-8601 instant, inclusive; with {@code to}, when {@code orderIds} is null
 * @param to ISO-8601 instant, exclusive
 * @param pageToken where the range selection continues, after a continue-as-new
 * @param dryRun report only (the default at the API)
 * @param batchSize orders per activity
 * @param carried what earlier runs of this workflow found, when it continued as new
 */
public record ReplayInput(
    String operationId,
    List<String> orderIds,
    String from,
    String to,
    String pageToken,
    boolean dryRun,
    String startedBy,
    int batchSize,
    ReplayTotals carried) {
  /** Orders per run before the workflow continues as new, to keep its history short. */
  public static final int ORDERS_PER_RUN = 2_000;
}
