/** Replay after a logic bug: re-fold, diff against snapshots and projection rows, repair. */
package io.orderflow.replay;
