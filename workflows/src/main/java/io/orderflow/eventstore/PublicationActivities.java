package io.orderflow.eventstore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Forwards stored commits to the message bus. */
@ActivityInterface
public interface PublicationActivities {
  /**
   * Publishes every event of the stored commit that starts at {@code firstVersion}, in order, then
   * clears its {@code unpublished} marker. Idempotent: each message carries its event id as the
   * deduplication id, so a retry does not deliver twice. Reads the commit from the store first; the
   * republish runbook and workflows recorded before {@link #publishAppended} use it.
   */
  @ActivityMethod
  void publishCommit(String orderId, long firstVersion);

  /**
   * Publishes a commit its caller has just appended, from the commit as the caller holds it instead
   * of from a read of the store, then clears its {@code unpublished} marker. The messages are the
   * ones {@link #publishCommit} sends for the same commit (body, group id, deduplication id,
   * attributes), so a later republish of it is deduplicated like any retry. Idempotent in the same
   * way.
   *
   * <p>The default reads the commit back through {@link #publishCommit}, for publishers that do not
   * build messages themselves (test doubles). No {@code @ActivityMethod}: the SDK refuses the
   * annotation on a default method that an implementation inherits, and every method of the
   * interface is an activity without it.
   */
  default void publishAppended(AppendedCommit appended) {
    publishCommit(appended.result().orderId(), appended.result().firstVersion());
  }
}
