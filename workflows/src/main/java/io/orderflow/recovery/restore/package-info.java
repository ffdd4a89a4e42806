/**
 * The full restore runbook: the event store rebuilt from a backup into new tables, proven, and
 * switched to while writes are held back, with a watched ramp and a rollback.
 */
package io.orderflow.recovery.restore;
