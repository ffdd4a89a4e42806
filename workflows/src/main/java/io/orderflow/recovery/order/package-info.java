/**
 * The single-order recovery runbook: {@link
 * io.orderflow.recovery.order.SingleOrderRecoveryWorkflow} repairs one order's live stream from the
 * latest backup that holds it, quarantining what it moves.
 */
package io.orderflow.recovery.order;
