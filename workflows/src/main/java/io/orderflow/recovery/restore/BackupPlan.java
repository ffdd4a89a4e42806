package io.orderflow.recovery.restore;

import java.util.List;

/**
 * What the preflight found: a complete backup whose every file matches its checksum, and where the
 * service stands now.
 *
 * @param eventItems commits the manifest says the events export holds
 * @param orders orders the backup's index holds; -1 for a backup without an index (AWS export)
 * @param configuredEvents the configured events table, which restored tables are named after
 * @param serviceMode the mode before the restore, which it returns to
 * @param notes what the preflight checked and how, for the report
 */
public record BackupPlan(
    String backupId,
    List<RestoreFile> files,
    long eventItems,
    long snapshotItems,
    long orders,
    String configuredEvents,
    String configuredSnapshots,
    ActivePointer active,
    String serviceMode,
    List<String> notes) {}
