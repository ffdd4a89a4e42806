package io.orderflow.recovery.backup;

import java.util.List;

/** What one segment export wrote: the physical table name, its files and totals. */
public record SegmentExport(
    BackupTable table, String tableName, int segment, List<ExportedFile> files) {

  public long items() {
    return files.stream().mapToLong(ExportedFile::items).sum();
  }

  public long bytes() {
    return files.stream().mapToLong(ExportedFile::bytes).sum();
  }
}
