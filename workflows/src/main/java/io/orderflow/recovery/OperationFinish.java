package io.orderflow.recovery;

import java.util.Map;

/**
 * An operation ending.
 *
 * @param status a final status
 * @param result the report, as JSON-ready values
 * @param error why it failed or was cancelled; null when it succeeded
 */
public record OperationFinish(
    String operationId,
    OperationStatus status,
    Progress progress,
    Map<String, Object> result,
    String error) {}
