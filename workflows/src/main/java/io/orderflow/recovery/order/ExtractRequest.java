package io.orderflow.recovery.order;

/** Which order to read out of which backup. */
public record ExtractRequest(String orderId, String backupId) {}
