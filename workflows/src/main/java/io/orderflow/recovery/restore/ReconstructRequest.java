package io.orderflow.recovery.restore;

import java.util.List;

/**
 * Rebuild orders from the restored tables: the named ones, or, when {@code orderIds} is null, every
 * order in one scan segment.
 */
public record ReconstructRequest(
    String eventsTable,
    String snapshotsTable,
    List<String> orderIds,
    int segment,
    int totalSegments) {}
