package io.orderflow.recovery.restore;

/**
 * A data file imported: the lines it held, each written once more or less (puts are idempotent).
 */
public record ImportResult(String path, long items) {}
