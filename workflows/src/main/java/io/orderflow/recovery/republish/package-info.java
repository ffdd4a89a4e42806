/**
 * The republish runbook: events that never reached SNS (the unpublished index, a time range, or a
 * dead-letter queue) sent again, in order per order, deduplicated by event id, rate-limited.
 */
package io.orderflow.recovery.republish;
