package io.orderflow.backup;

import io.orderflow.recovery.backup.ExportedFile;
import java.util.List;

/**
 * A segment export's heartbeat: everything up to {@code startKey} is in {@code files}, closed and
 * checksummed; a retry deletes any file from {@code nextPart} on and scans on from {@code
 * startKey}.
 *
 * @param startKey the scan's LastEvaluatedKey as DynamoDB JSON; null at the start and at the end
 * @param finished the scan reached the segment's end
 * @param itemsScanned items read so far, open file included (progress only)
 */
public record ExportCheckpoint(
    String startKey, int nextPart, List<ExportedFile> files, boolean finished, long itemsScanned) {

  public static ExportCheckpoint beginning() {
    return new ExportCheckpoint(null, 0, List.of(), false, 0);
  }

  public long itemsWritten() {
    return files.stream().mapToLong(ExportedFile::items).sum();
  }

  public long bytesWritten() {
    return files.stream().mapToLong(ExportedFile::bytes).sum();
  }
}
