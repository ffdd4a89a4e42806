/**
 * Republishing: reading the unpublished index, a time range or a dead-letter queue, and sending
 * those events to SNS again exactly as the normal path sends them, paced.
 */
package io.orderflow.republish;
