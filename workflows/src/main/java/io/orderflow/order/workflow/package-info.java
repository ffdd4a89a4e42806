/**
 * The order lifecycle as a durable Temporal workflow: one workflow per order, commands arrive as
 * Updates, each accepted command is appended to the event store, then published.
 */
package io.orderflow.order.workflow;
