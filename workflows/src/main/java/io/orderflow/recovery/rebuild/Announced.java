package io.orderflow.recovery.rebuild;

/** A generation announced as being built, and when (ISO-8601, the activity's clock). */
public record Announced(String table, String announcedAt) {}
