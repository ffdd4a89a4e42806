package io.orderflow.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads back what a backup wrote, as a test checks it. */
final class BackupFiles {
  private BackupFiles() {}

  static List<Map<String, AttributeValue>> items(Path base, String relativePath) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    BackupStore.readLines(base, relativePath, line -> items.add(DynamoDbJson.parseLine(line)));
    return items;
  }

  static String key(Map<String, AttributeValue> item) {
    return item.get("orderId").s() + "#" + item.get("version").n();
  }
}
