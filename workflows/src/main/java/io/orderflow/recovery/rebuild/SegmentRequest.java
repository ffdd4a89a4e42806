package io.orderflow.recovery.rebuild;

/** Fold every order of one parallel-scan segment of the events table into a generation. */
public record SegmentRequest(
    String projection, String eventsTable, String table, int segment, int totalSegments) {}
