/**
 * Replay after a logic bug: re-fold, diff against snapshots and projection rows, repair; append the
 * corrective events stored histories need.
 */
package io.orderflow.replay;
