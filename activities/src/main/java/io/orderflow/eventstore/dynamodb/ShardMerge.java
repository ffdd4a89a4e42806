package io.orderflow.eventstore.dynamodb;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merges the write shards of an index, each already sorted by {@code timeKey}, into one sequence in
 * {@code timeKey} order. Lazy: a shard's next page is fetched only when the merge reaches it.
 */
final class ShardMerge {
  private ShardMerge() {}

  static Iterator<Map<String, AttributeValue>> byTimeKey(
      List<Iterator<Map<String, AttributeValue>>> shards) {
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::timeKey));
    for (Iterator<Map<String, AttributeValue>> shard : shards) {
      if (shard.hasNext()) {
        heads.add(new Head(shard.next(), shard));
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public Map<String, AttributeValue> next() {
        Head head = heads.poll();
        if (head == null) {
          throw new NoSuchElementException();
        }
        if (head.rest().hasNext()) {
          heads.add(new Head(head.rest().next(), head.rest()));
        }
        return head.item();
      }
    };
  }

  private record Head(
      Map<String, AttributeValue> item, Iterator<Map<String, AttributeValue>> rest) {
    String timeKey() {
      return item.get(CommitItems.TIME_KEY).s();
    }
  }
}
