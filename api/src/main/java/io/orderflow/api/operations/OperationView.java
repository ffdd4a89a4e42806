package io.orderflow.api.operations;

import java.util.Map;

/** {@code GET /api/operations/{id}}: the registry item, live progress, a Temporal UI link. */
public record OperationView(
    String operationId,
    String kind,
    String status,
    String phase,
    ProgressView progress,
    String startedAt,
    String finishedAt,
    String startedBy,
    Map<String, Object> parameters,
    Map<String, Object> result,
    String error,
    String workflowId,
    String runId,
    String temporalUiUrl) {

  public record ProgressView(long done, long total, int percent) {}
}
