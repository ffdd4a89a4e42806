package io.orderflow.order.workflow;

/**
 * A command the workflow already applied, by the request id its caller gave it, with the answer it
 * got: a retry of the same request gets the same answer and appends nothing.
 */
public record AppliedCommand(String requestId, CommandOutcome outcome) {}
