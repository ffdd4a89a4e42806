package io.orderflow.recovery.republish;

/** Ask the worker for its settings and for how much the source holds. */
public record PlanRequest(RepublishSource source, String from, String to) {}
