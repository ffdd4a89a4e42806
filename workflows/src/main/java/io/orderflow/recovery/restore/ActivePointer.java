package io.orderflow.recovery.restore;

/** Which events and snapshots tables serve, at which revision of the pointer. */
public record ActivePointer(String events, String snapshots, long revision) {}
