package io.orderflow.recovery.rebuild;

/** The read model after a swap: the active generation and the one kept for rollback. */
public record Swapped(String activeTable, String previousTable, long revision, String switchedAt) {}
