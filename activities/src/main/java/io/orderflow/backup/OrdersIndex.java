package io.orderflow.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.recovery.backup.ExportedFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code <backupId>/orders.json.gz}: one line {@code {"orderId":..,"lastVersion":..}} per order the
 * events export holds, sorted by id, so recovery finds the backups that hold an order without
 * reading every data file.
 */
public final class OrdersIndex {
  public static final String FILE = "orders.json.gz";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrdersIndex() {}

  /** The last version of each order in the given event data files of a backup. */
  static Map<String, Long> derive(
      BackupStore store, String backupId, Iterable<ExportedFile> eventFiles) {
    Map<String, Long> last = new TreeMap<>();
    for (ExportedFile file : eventFiles) {
      store.readLines(
          backupId,
          file.path(),
          line -> {
            Map<String, AttributeValue> item = DynamoDbJson.parseLine(line);
            AttributeValue version = item.getOrDefault("lastVersion", item.get("version"));
            last.merge(item.get("orderId").s(), Long.parseLong(version.n()), Math::max);
          });
    }
    return last;
  }

  static ExportedFile write(BackupStore store, String backupId, Map<String, Long> lastVersions) {
    try (DataFileWriter out = store.create(backupId, FILE)) {
      lastVersions.forEach(
          (orderId, version) ->
              out.writeRaw(
                  JSON.createObjectNode().put("orderId", orderId).put("lastVersion", version)));
      return out.finish();
    }
  }

  /** Reads a backup's index back from its store. */
  static Map<String, Long> read(BackupStore store, String backupId) {
    Map<String, Long> index = new TreeMap<>();
    store.readLines(backupId, FILE, line -> add(index, line));
    return index;
  }

  /** Reads the index of a backup in a local directory. */
  public static Map<String, Long> read(Path backupDir) {
    Map<String, Long> index = new TreeMap<>();
    BackupStore.readLines(backupDir, FILE, line -> add(index, line));
    return index;
  }

  private static void add(Map<String, Long> index, String line) {
    JsonNode entry = readTree(line);
    index.put(entry.get("orderId").asText(), entry.get("lastVersion").asLong());
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("a broken orders index line", e);
    }
  }
}
