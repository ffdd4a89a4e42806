package io.orderflow.backup;

import io.orderflow.recovery.backup.ExportedFile;
import io.orderflow.recovery.backup.SegmentExport;
import io.orderflow.recovery.backup.SegmentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Scans one segment of a table into data files, closing a file on a page boundary once it holds
 * {@code itemsPerFile} items. After every page it reports a checkpoint that covers only closed
 * files, so resuming from any reported checkpoint yields each item exactly once.
 */
public final class SegmentExporter {

  /** Receives checkpoints; the activity heartbeats them. May throw to stop the export. */
  @FunctionalInterface
  public interface Heartbeat {
    void beat(ExportCheckpoint checkpoint);
  }

  /**
   * @param pageSize items per Scan call (DynamoDB also stops a page at 1 MB)
   * @param itemsPerFile a data file is closed at the first page boundary past this
   */
  public record Settings(int pageSize, int itemsPerFile) {
    public static Settings defaults() {
      return new Settings(1000, 50_000);
    }
  }

  private final DynamoDbClient dynamo;
  private final BackupStore store;
  private final Settings settings;

  public SegmentExporter(DynamoDbClient dynamo, BackupStore store, Settings settings) {
    this.dynamo = dynamo;
    this.store = store;
    this.settings = settings;
  }

  public SegmentExport export(
      SegmentRequest request, String tableName, ExportCheckpoint resumeFrom, Heartbeat heartbeat) {
    ExportCheckpoint checkpoint = resumeFrom == null ? ExportCheckpoint.beginning() : resumeFrom;
    int segment = request.segment();
    store.deleteParts(request.backupId(), tableName, segment, checkpoint.nextPart());
    List<ExportedFile> files = new ArrayList<>(checkpoint.files());
    int part = checkpoint.nextPart();
    String startKey = checkpoint.startKey();
    long scanned = checkpoint.itemsWritten();
    boolean finished = checkpoint.finished();
    DataFileWriter open = null;
    try {
      while (!finished) {
        ScanResponse page = dynamo.scan(scan(request, tableName, startKey));
        for (Map<String, AttributeValue> item : page.items()) {
          if (open == null) {
            open = store.create(request.backupId(), BackupStore.dataFile(tableName, segment, part));
          }
          open.write(item);
        }
        scanned += page.items().size();
        finished = !page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty();
        startKey = finished ? null : DynamoDbJson.write(page.lastEvaluatedKey());
        if (open != null && (finished || open.items() >= settings.itemsPerFile())) {
          files.add(open.finish());
          open = null;
          part++;
          checkpoint = new ExportCheckpoint(startKey, part, List.copyOf(files), finished, scanned);
        }
        heartbeat.beat(
            new ExportCheckpoint(
                checkpoint.startKey(),
                checkpoint.nextPart(),
                checkpoint.files(),
                checkpoint.finished(),
                scanned));
      }
    } finally {
      if (open != null) {
        open.close();
      }
    }
    return new SegmentExport(request.table(), tableName, segment, List.copyOf(files));
  }

  private ScanRequest scan(SegmentRequest request, String tableName, String startKey) {
    ScanRequest.Builder scan =
        ScanRequest.builder()
            .tableName(tableName)
            .segment(request.segment())
            .totalSegments(request.totalSegments())
            .limit(settings.pageSize())
            .consistentRead(true);
    if (startKey != null) {
      scan.exclusiveStartKey(DynamoDbJson.parse(startKey));
    }
    return scan.build();
  }
}
