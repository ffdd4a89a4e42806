package io.orderflow.recovery.rebuild;

/**
 * Fold again every order with a commit at or after {@code since} (ISO-8601), found through the
 * events table's time index, into a generation; writes only move rows forward.
 */
public record CatchUpRequest(String projection, String eventsTable, String table, String since) {}
