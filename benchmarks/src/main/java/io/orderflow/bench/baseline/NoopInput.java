package io.orderflow.bench.baseline;

/** Input of the baseline workflow and of its activity: just a value to hand back. */
public record NoopInput(String value) {}
