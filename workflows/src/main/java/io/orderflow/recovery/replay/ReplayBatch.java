package io.orderflow.recovery.replay;

import java.util.List;

/** Orders one activity replays. */
public record ReplayBatch(List<String> orderIds, boolean dryRun) {}
