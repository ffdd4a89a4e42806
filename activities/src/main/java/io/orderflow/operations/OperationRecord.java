package io.orderflow.operations;

import java.util.Map;

/** One operation as the registry holds it; times are ISO-8601, finishedAt null while running. */
public record OperationRecord(
    String operationId,
    String kind,
    String status,
    String phase,
    long done,
    long total,
    String startedAt,
    String finishedAt,
    String startedBy,
    Map<String, Object> parameters,
    Map<String, Object> result,
    String error,
    String workflowId,
    String runId) {}
