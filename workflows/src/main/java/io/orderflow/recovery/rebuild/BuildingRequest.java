package io.orderflow.recovery.rebuild;

/**
 * Announce a generation as being built, so live writes go there too.
 *
 * @param takeOver a generation an abandoned rebuild left announced, to replace; null for none
 */
public record BuildingRequest(
    String projection, String table, String operationId, String takeOver) {}
