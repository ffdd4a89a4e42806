package io.orderflow.recovery.replay;

import java.util.List;

/**
 * Orders one activity replays.
 *
 * @param operationId the replay operation; the corrections it appends name it
 * @param startedBy who started the replay; the actor of the corrections it appends
 * @param appendCorrections whether a real run appends the corrections the histories need (the
 *     workflow then publishes them); false in runs begun before corrective events existed, which
 *     only report them
 */
public record ReplayBatch(
    List<String> orderIds,
    boolean dryRun,
    String operationId,
    String startedBy,
    boolean appendCorrections) {

  /** A batch that only reports the corrections histories need. */
  public ReplayBatch(List<String> orderIds, boolean dryRun) {
    this(orderIds, dryRun, null, null, false);
  }
}
