package io.orderflow.recovery.restore;

import java.util.List;

/** Orders rebuilt and checked against the business rules and their latest snapshot. */
public record Reconstruction(
    long orders, long snapshotsCompared, long anomalyCount, List<Anomaly> anomalies) {}
