package io.orderflow.api.recovery;

import java.util.List;

/**
 * {@code POST /api/recoveries/replay}: either {@code orderIds}, or {@code from} and {@code to}.
 *
 * @param from ISO-8601 instant, inclusive: orders with a commit at or after it
 * @param to ISO-8601 instant, exclusive; at most seven days after {@code from}
 * @param dryRun report only; true when absent — a replay changes data only when asked to
 */
record ReplayRequest(List<String> orderIds, String from, String to, Boolean dryRun) {}
