package io.orderflow.recovery.rebuild;

/** One generation (physical table) of a read model. */
public record GenerationRequest(String projection, String table) {}
