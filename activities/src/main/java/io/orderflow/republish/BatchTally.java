package io.orderflow.republish;

import io.orderflow.eventstore.dynamodb.StoredEvent;
import io.orderflow.recovery.republish.SendResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a batch has sent so far; carried over a retry in the heartbeat. */
final class BatchTally {
  private final Set<String> done = new LinkedHashSet<>();
  private final int maxSample;
  private long commits;
  private long events;
  private long marked;
  private long skipped;
  private long deleted;
  private final List<String> sample = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  BatchTally(SnsRepublishActivities.Checkpoint resumed, int maxSample) {
    this.maxSample = maxSample;
    if (resumed != null) {
      done.addAll(resumed.done());
      SendResult sofar = resumed.sofar();
      commits = sofar.commits();
      events = sofar.events();
      marked = sofar.markedPublished();
      skipped = sofar.skipped();
      deleted = sofar.deadLettersDeleted();
      sample.addAll(sofar.sent());
      // problems are found again while planning the retried batch
    }
  }

  boolean isDone(String key) {
    return done.contains(key);
  }

  List<String> problems() {
    return problems;
  }

  void skipped(String key) {
    skipped++;
    done.add(key);
  }

  void sent(SendPlan.Planned planned) {
    commits++;
    List<StoredEvent> sentEvents = planned.events();
    events += sentEvents.size();
    for (StoredEvent event : sentEvents) {
      if (sample.size() < maxSample) {
        sample.add(planned.commit().orderId() + "@" + event.version() + " " + event.eventId());
      }
    }
    done.add(planned.key());
  }

  void marked() {
    marked++;
  }

  void deleted(int n) {
    deleted += n;
  }

  SnsRepublishActivities.Checkpoint checkpoint() {
    return new SnsRepublishActivities.Checkpoint(List.copyOf(done), result());
  }

  SendResult result() {
    return new SendResult(
        commits, events, marked, skipped, deleted, List.copyOf(sample), List.copyOf(problems));
  }
}
