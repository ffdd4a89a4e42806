package io.orderflow.recovery.check;

/** The worker's defaults for a check ({@code orderflow.consistency-check.*}). */
public record CheckSettings(int segments, long staleAfterSeconds) {}
