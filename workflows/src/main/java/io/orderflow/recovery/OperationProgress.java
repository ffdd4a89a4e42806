package io.orderflow.recovery;

/** A phase change or progress step of a running operation. */
public record OperationProgress(String operationId, Progress progress) {}
