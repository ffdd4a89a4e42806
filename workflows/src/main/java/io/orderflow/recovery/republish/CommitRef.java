package io.orderflow.recovery.republish;

import java.util.List;

/**
 * A commit to send again, or some of its events.
 *
 * @param version the commit's first version, or (from a dead-letter message) the version of an
 *     event inside it
 * @param eventIds the events to send; null for all of the commit's events
 * @param receipts the dead-letter messages that named these events, deleted once they went out
 */
public record CommitRef(
    String orderId, long version, List<String> eventIds, List<String> receipts) {

  public static CommitRef whole(String orderId, long version) {
    return new CommitRef(orderId, version, null, List.of());
  }
}
