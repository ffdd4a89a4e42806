package io.orderflow.recovery.restore;

/** Point the service at other tables, if the pointer still stands at {@code expectedRevision}. */
public record SwitchRequest(
    String events, String snapshots, long expectedRevision, String switchedBy) {}
