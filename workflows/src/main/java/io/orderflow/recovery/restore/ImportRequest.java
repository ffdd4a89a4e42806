package io.orderflow.recovery.restore;

/** Import one backup data file into a table. */
public record ImportRequest(String backupId, RestoreFile file, String targetTable) {}
