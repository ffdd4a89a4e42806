package io.orderflow.recovery.rebuild;

/**
 * Where a read model stands before the operation.
 *
 * @param activeTable the generation reads and live writes use
 * @param revision counts swaps; the swap names the one it replaces
 * @param previousTable the generation before the last swap; null when none
 * @param building a generation some rebuild is filling; null when none
 * @param switchedAt when the active generation went live (ISO-8601); null for the first
 * @param eventsTable the active events table the rebuild reads, the same for every step
 */
public record ProjectionState(
    String projection,
    String configuredTable,
    String activeTable,
    long revision,
    String previousTable,
    String building,
    String buildingBy,
    String switchedAt,
    String eventsTable) {}
