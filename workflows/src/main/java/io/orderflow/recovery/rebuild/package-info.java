/**
 * The projection rebuild runbook: a read model rebuilt from every event into a new generation,
 * caught up with what was written meanwhile and swapped in, with rollback to the generation before
 * and its drop once an operator is sure.
 */
package io.orderflow.recovery.rebuild;
