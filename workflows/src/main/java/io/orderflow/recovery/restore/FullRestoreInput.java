package io.orderflow.recovery.restore;

/**
 * What to restore and how carefully.
 *
 * @param restoreId names the new tables ({@code <configured table>-<restoreId>}); the workflow id
 * @param dryRun restore, validate and reconstruct into new tables, report, then drop them; the
 *     service mode and the active tables are never touched
 * @param sampleSize how many orders to rebuild and check against the rules and their snapshots;
 *     {@link #ALL_ORDERS} for every one
 * @param parallelism files imported and scan segments validated at once
 * @param allowAnomalies switch to the restored tables even when validation found anomalies (they
 *     are in the report either way); off by default, so a bad backup never goes live unnoticed
 */
public record FullRestoreInput(
    String operationId,
    String restoreId,
    String backupId,
    boolean dryRun,
    String startedBy,
    int sampleSize,
    int parallelism,
    boolean allowAnomalies,
    RampSettings ramp) {
  public static final int ALL_ORDERS = -1;
  public static final int MAX_PARALLELISM = 32;
}
