package io.orderflow.api.backup;

/**
 * {@code POST /api/backups}; the body is optional.
 *
 * @param segments parallel scan segments per table; the configured default when absent
 */
record BackupRequest(Integer segments) {}
