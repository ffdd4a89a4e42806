package io.orderflow.republish;

import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.recovery.republish.CommitRef;
import io.orderflow.recovery.republish.RepublishSource;
import io.orderflow.recovery.republish.SendRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A batch turned into what to send: the commits read back from the event store (the source of
 * truth, not the message that named them), per order by version, each with the events to send.
 */
final class SendPlan {
  private SendPlan() {}

  /**
   * One commit to send.
   *
   * @param eventIds the events to send; null for all
   * @param receipts dead-letter receipts by event id, to delete once the event went
   */
  record Planned(StoredCommit commit, Set<String> eventIds, Map<String, String> receipts) {

    String key() {
      return commit.orderId() + "@" + commit.version();
    }

    List<StoredEvent> events() {
      return eventIds == null
          ? commit.events()
          : commit.events().stream().filter(e -> eventIds.contains(e.eventId())).toList();
    }

    boolean whole() {
      return events().size() == commit.events().size();
    }

    /** Whether the commit's last event is among those to send. */
    boolean reachesEnd() {
      List<StoredEvent> events = events();
      return !events.isEmpty() && events.get(events.size() - 1).version() == commit.lastVersion();
    }

    /** The commit as the publisher takes it, holding only the events to send. */
    StoredCommit toSend() {
      return new StoredCommit(
          commit.orderId(),
          commit.version(),
          commit.lastVersion(),
          commit.commitId(),
          events(),
          commit.metadata(),
          commit.committedAt(),
          commit.prevHash(),
          commit.hash(),
          commit.unpublished());
    }
  }

  /**
   * @param streams every commit of an order, oldest first
   * @param problems gets a line for each reference that names nothing in the store
   */
  static List<Planned> of(
      SendRequest request, Function<String, List<StoredCommit>> streams, List<String> problems) {
    Map<String, List<CommitRef>> byOrder = new LinkedHashMap<>();
    for (CommitRef ref : request.commits()) {
      byOrder.computeIfAbsent(ref.orderId(), id -> new ArrayList<>()).add(ref);
    }
    List<Planned> plan = new ArrayList<>();
    byOrder.forEach(
        (orderId, refs) ->
            plan.addAll(order(request, orderId, refs, streams.apply(orderId), problems)));
    return plan;
  }

  private static List<Planned> order(
      SendRequest request,
      String orderId,
      List<CommitRef> refs,
      List<StoredCommit> stream,
      List<String> problems) {
    TreeMap<Long, Planned> picked = new TreeMap<>();
    for (CommitRef ref : refs) {
      StoredCommit commit = holding(stream, ref.version());
      if (commit == null) {
        problems.add(orderId + "@" + ref.version() + " is not in the event store");
        continue;
      }
      Planned planned =
          picked.computeIfAbsent(
              commit.version(),
              v -> new Planned(commit, new LinkedHashSet<>(), new LinkedHashMap<>()));
      if (ref.eventIds() == null) {
        picked.put(commit.version(), new Planned(commit, null, planned.receipts()));
        continue;
      }
      for (int i = 0; i < ref.eventIds().size(); i++) {
        String eventId = ref.eventIds().get(i);
        if (commit.events().stream().noneMatch(e -> e.eventId().equals(eventId))) {
          problems.add("event " + eventId + " is not in " + orderId + "@" + commit.version());
        } else {
          if (planned.eventIds() != null) {
            planned.eventIds().add(eventId);
          }
          if (i < ref.receipts().size()) {
            planned.receipts().put(eventId, ref.receipts().get(i));
          }
        }
      }
    }
    picked.values().removeIf(p -> p.eventIds() != null && p.eventIds().isEmpty());
    if (request.source() == RepublishSource.UNPUBLISHED && !request.dryRun() && !picked.isEmpty()) {
      // An older commit still waiting goes first, whatever page of the index it is on.
      Instant cutoff = Instant.parse(request.cutoff());
      long last = picked.lastKey();
      for (StoredCommit older : stream) {
        if (older.version() < last
            && older.unpublished()
            && older.committedAt().isBefore(cutoff)
            && !picked.containsKey(older.version())) {
          picked.put(older.version(), new Planned(older, null, Map.of()));
        }
      }
    }
    return new ArrayList<>(picked.values());
  }

  private static StoredCommit holding(List<StoredCommit> stream, long version) {
    for (StoredCommit commit : stream) {
      if (commit.version() <= version && version <= commit.lastVersion()) {
        return commit;
      }
    }
    return null;
  }
}
