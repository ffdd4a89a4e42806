/**
 * The consistency check runbook: every stream's versions and hash chain, every snapshot and
 * projection row against the fold, and commits left unpublished, found and counted by kind.
 */
package io.orderflow.recovery.check;
