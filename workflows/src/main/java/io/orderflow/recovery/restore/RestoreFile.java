package io.orderflow.recovery.restore;

import io.orderflow.recovery.backup.BackupTable;

/** One data file of a backup, checked against its manifest, to import into a table. */
public record RestoreFile(BackupTable table, String path, long items) {}
