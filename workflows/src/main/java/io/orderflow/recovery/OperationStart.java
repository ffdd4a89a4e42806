package io.orderflow.recovery;

import java.util.Map;

/**
 * A run of an operation beginning.
 *
 * @param parameters what the operation was asked to do, as JSON-ready values
 */
public record OperationStart(
    String operationId,
    OperationKind kind,
    String startedBy,
    Map<String, Object> parameters,
    String workflowId,
    String runId) {}
