package io.orderflow.recovery.restore;

/**
 * Validate one parallel-scan segment of the restored tables.
 *
 * @param sampleFraction share of orders, picked by a hash of the id, to name for reconstruction
 */
public record ValidateRequest(
    String eventsTable,
    String snapshotsTable,
    int segment,
    int totalSegments,
    double sampleFraction) {}
