package io.orderflow.recovery.restore;

/**
 * How the restore lets traffic back in after the switch.
 *
 * @param settleSeconds wait after the switch, still READ_ONLY, so every instance's cached view of
 *     the active tables has moved (longer than the pointer's cache period)
 * @param observeSeconds how long to watch after writes are allowed again
 * @param intervalSeconds time between two probes while watching
 * @param maxFailures persistence failures tolerated during the watch before the ramp stops
 * @param canaryOrders orders read back and verified at each probe
 */
public record RampSettings(
    long settleSeconds,
    long observeSeconds,
    long intervalSeconds,
    long maxFailures,
    int canaryOrders) {}
