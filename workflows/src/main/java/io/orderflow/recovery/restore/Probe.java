package io.orderflow.recovery.restore;

import java.util.List;

/**
 * One look at the service during the ramp.
 *
 * @param persistenceFailures the event store's failed writes so far in the worker that probed (a
 *     counter: the workflow compares two probes)
 * @param activeEvents the events table the probe read, as the pointer says
 * @param problems what went wrong reading or verifying the canary orders
 */
public record Probe(
    long persistenceFailures, int checked, String activeEvents, List<String> problems) {}
