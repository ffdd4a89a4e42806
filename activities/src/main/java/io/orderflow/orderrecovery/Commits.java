package io.orderflow.orderrecovery;

import io.orderflow.backup.DynamoDbJson;
import io.orderflow.eventstore.dynamodb.CommitHash;
import io.orderflow.eventstore.dynamodb.CommitItems;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.recovery.order.BackupCommits;
import io.orderflow.recovery.order.CommitCopy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading commit items the way a recovery must: without trusting them. */
final class Commits {
  private Commits() {}

  /** The item as a commit; empty when it is not one (attributes missing or of the wrong type). */
  static Optional<StoredCommit> read(Map<String, AttributeValue> item) {
    try {
      return Optional.of(CommitItems.fromItem(item));
    } catch (RuntimeException notACommit) {
      return Optional.empty();
    }
  }

  /** The hash the item states, whether or not it matches its content; null when it has none. */
  static String statedHash(Map<String, AttributeValue> item) {
    AttributeValue hash = item.get("hash");
    return hash == null ? null : hash.s();
  }

  static long version(Map<String, AttributeValue> item) {
    return Long.parseLong(item.get("version").n());
  }

  /** Whether the commit's content still matches the hash it states. */
  static boolean sound(StoredCommit commit) {
    return CommitHash.of(commit).equals(commit.hash());
  }

  /** Whether the item is the commit with this hash, its content intact. */
  static boolean isCommit(Optional<Map<String, AttributeValue>> item, String hash) {
    return item.flatMap(Commits::read).filter(c -> c.hash().equals(hash) && sound(c)).isPresent();
  }

  /** A backup's commits, as verified when they were extracted. */
  static List<StoredCommit> of(BackupCommits backup) {
    return backup.commits().stream().map(Commits::of).toList();
  }

  static StoredCommit of(CommitCopy copy) {
    return CommitItems.fromItem(DynamoDbJson.parse(copy.item()));
  }

  static String shortHash(String hash) {
    return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }
}
