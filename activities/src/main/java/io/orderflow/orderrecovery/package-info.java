/**
 * The side effects of single-order recovery: reading an order out of a backup, comparing it with
 * the live stream, repairing the stream through the quarantine table, and the fresh snapshot.
 */
package io.orderflow.orderrecovery;
