/**
 * The backup runbook: {@link io.orderflow.recovery.backup.BackupWorkflow} exports the event and
 * snapshot tables with a parallel scan into DynamoDB's export layout, plus a manifest.
 */
package io.orderflow.recovery.backup;
