package io.orderflow.recovery.order;

import io.orderflow.order.OrderInvariants;
import java.util.List;

/**
 * The order as recovered.
 *
 * @param version the version of its last event: the version of the snapshot written
 * @param violations the business rules its history breaks; empty when it is sound
 * @param verification null when the stream verifies (contiguous versions, hash chain, hashes);
 *     otherwise what is wrong (only in a dry run: a real run fails instead)
 * @param snapshotWritten false when the newest snapshot already equals the state, or in a dry run
 * @param projectionUpdated whether the order-summary row moved (it only ever moves forward)
 */
public record SnapshotResult(
    long version,
    String status,
    List<OrderInvariants.Violation> violations,
    String verification,
    boolean snapshotWritten,
    boolean projectionUpdated) {}
