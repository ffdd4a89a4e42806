package io.orderflow.recovery.backup;

import java.util.List;

/**
 * Everything the manifest records.
 *
 * @param createdAt ISO-8601 instant the backup started (workflow time)
 */
public record ManifestRequest(
    String backupId, String createdAt, String operationId, List<SegmentExport> exports) {}
