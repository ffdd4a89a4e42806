package io.orderflow.recovery.rebuild;

/**
 * Make the announced generation the active one, if the read model still stands at {@code
 * expectedRevision}.
 */
public record SwapRequest(
    String projection, String table, long expectedRevision, String switchedBy) {}
