/**
 * Replay after a logic bug: chosen orders re-folded with today's code, diffed against the stored
 * snapshots and projection rows, and corrected unless it is a dry run.
 */
package io.orderflow.recovery.replay;
