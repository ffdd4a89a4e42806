package io.orderflow.recovery.restore;

/** Set the service mode ({@code NORMAL}, {@code READ_ONLY}, {@code MAINTENANCE}). */
public record ModeRequest(String mode, String changedBy, String reason) {}
