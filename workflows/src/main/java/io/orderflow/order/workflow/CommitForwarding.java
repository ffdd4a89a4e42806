package io.orderflow.order.workflow;

import io.orderflow.eventstore.AppendedCommit;
import io.orderflow.order.Order;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * What follows a landed commit inside the order workflow: the commit to the bus and the order to
 * its read model. Neither failing undoes the command: an unpublished commit keeps its marker for
 * the republish runbook, and a read model that falls behind is caught up by the next command or a
 * rebuild.
 */
final class CommitForwarding {
  private static final Logger log = Workflow.getLogger(CommitForwarding.class);

  private final CommandActivities activities;
  private final String orderId;

  CommitForwarding(CommandActivities activities, String orderId) {
    this.activities = activities;
    this.orderId = orderId;
  }

  void forward(AppendedCommit appended, Order landed) {
    if (CommandActivities.local()) {
      // Publication and projection depend on the append, not on each other: as local activities
      // they run side by side, and the task waits for the slower one instead of both in turn.
      boolean projects = projectsAfterPublish();
      Promise<Void> published = Async.procedure(() -> publish(appended));
      Promise<Void> projected =
          projects ? Async.procedure(() -> project(landed)) : Workflow.newPromise(null);
      Promise.allOf(published, projected).get();
      return;
    }
    publish(appended);
    if (projectsAfterPublish()) {
      project(landed);
    }
  }

  // Runs recorded before the projection existed forward without it (replay guard:
  // OrderWorkflowReplayTest, histories/order-created.json).
  private static boolean projectsAfterPublish() {
    return Workflow.getVersion("project-after-publish", Workflow.DEFAULT_VERSION, 1)
        != Workflow.DEFAULT_VERSION;
  }

  private void publish(AppendedCommit appended) {
    try {
      activities.publish(appended);
    } catch (ActivityFailure e) {
      log.warn(
          "commit {}@{} stays unpublished: {}",
          appended.result().orderId(),
          appended.result().firstVersion(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }
  }

  private void project(Order landed) {
    try {
      activities.project(landed);
    } catch (ActivityFailure e) {
      log.warn("projection of {}@{} is behind: {}", orderId, landed.version(), e.getMessage());
    }
  }
}
