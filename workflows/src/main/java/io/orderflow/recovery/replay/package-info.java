/**
 * Replay after a logic bug: chosen orders re-folded with today's code, diffed against the stored
 * snapshots and projection rows, and corrected unless it is a dry run, with a corrective event
 * appended where the stored history itself breaks a rule.
 */
package io.orderflow.recovery.replay;
