package io.orderflow.order.workflow;

import io.orderflow.eventstore.CommitMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The requests an order's workflow has answered, and those it is answering now, by the request id
 * (the commit's causation id) their caller gave them. A retry of either is answered, never judged
 * again: it appends nothing. The newest {@link #REMEMBERED} answers are kept and handed over across
 * continue-as-new; state only, no Temporal calls, so it is deterministic as it stands.
 */
final class RequestMemory {
  /** Answers kept: far more than a client retries within an order's life. */
  static final int REMEMBERED = 100;

  private final List<AppliedCommand> applied;
  private final Set<String> inFlight = new HashSet<>();

  RequestMemory(List<AppliedCommand> applied) {
    this.applied = new ArrayList<>(applied);
  }

  /** A retry of a request that is applied, or still being applied. */
  boolean isRepeat(CommitMetadata metadata) {
    return answered(metadata).isPresent()
        || (metadata != null && inFlight.contains(metadata.causationId()));
  }

  /** The answer an earlier attempt of this request got, if it got one. */
  Optional<CommandOutcome> answered(CommitMetadata metadata) {
    if (metadata == null || metadata.causationId() == null) {
      return Optional.empty();
    }
    return applied.stream()
        .filter(a -> a.requestId().equals(metadata.causationId()))
        .map(AppliedCommand::outcome)
        .findFirst();
  }

  /** The request is being handled: a retry arriving meanwhile is a repeat. */
  void started(CommitMetadata metadata) {
    if (metadata != null && metadata.causationId() != null) {
      inFlight.add(metadata.causationId());
    }
  }

  /** The request is handled, answered or refused. */
  void finished(CommitMetadata metadata) {
    if (metadata != null && metadata.causationId() != null) {
      inFlight.remove(metadata.causationId());
    }
  }

  void remember(CommitMetadata metadata, CommandOutcome outcome) {
    if (metadata == null || metadata.causationId() == null) {
      return;
    }
    applied.add(new AppliedCommand(metadata.causationId(), outcome));
    if (applied.size() > REMEMBERED) {
      applied.remove(0);
    }
  }

  /**
   * After a reload: an answer remembered for a commit the stream no longer holds (a restore took it
   * away) is no longer true, so a retry of that request is judged again, on the reloaded order.
   */
  void forgetAnswersAfter(long version) {
    applied.removeIf(a -> a.outcome().order().version() > version);
  }

  /** What continue-as-new hands to the next run. */
  List<AppliedCommand> answers() {
    return List.copyOf(applied);
  }
}
