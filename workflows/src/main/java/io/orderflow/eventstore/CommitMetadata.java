package io.orderflow.eventstore;

/**
 * Who and what caused a commit, kept with it for tracing.
 *
 * @param correlationId the id shared by everything one user request caused
 * @param causationId the id of the command or event that caused this commit
 * @param actor who asked (a user, or a runbook such as {@code recovery})
 * @param workflowId the Temporal workflow that wrote the commit
 */
public record CommitMetadata(
    String correlationId, String causationId, String actor, String workflowId) {}
