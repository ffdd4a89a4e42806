package io.orderflow.workers.config;

import io.orderflow.recovery.check.CheckInput;
import io.orderflow.recovery.check.ConsistencyCheckWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the consistency check's cron workflow ({@code check-scheduled}) in line with {@code
 * orderflow.consistency-check.cron} when the worker starts: starts it if it is missing, replaces it
 * if its cron differs, stops it if the cron is now empty. A cron workflow rather than a Temporal
 * Schedule because the local Temporal server has none (DESIGN §8). Idempotent: a second instance
 * starting at the same time finds it running.
 */
public final class ScheduledConsistencyCheck implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger log = LoggerFactory.getLogger(ScheduledConsistencyCheck.class);

  private final WorkflowClient client;
  private final String cron;

  public ScheduledConsistencyCheck(WorkflowClient client, String cron) {
    this.client = client;
    this.cron = cron;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    try {
      apply();
    } catch (RuntimeException e) {
      // A schedule out of line is for the alert on the check's age to catch, not a reason to stop.
      log.warn("consistency check schedule not applied: {}", e.toString());
    }
  }

  /** Brings the cron workflow in line with the configured expression. */
  public void apply() {
    Optional<String> running = runningCron();
    if (running.isPresent() && running.get().equals(cron)) {
      log.info("consistency check scheduled ({}): already running", cron);
      return;
    }
    if (running.isPresent()) {
      stub().terminate("orderflow.consistency-check.cron is now '" + cron + "'");
      log.info("consistency check schedule '{}' stopped", running.get());
    }
    if (cron.isEmpty()) {
      return;
    }
    ConsistencyCheckWorkflow workflow =
        client.newWorkflowStub(
            ConsistencyCheckWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID)
                .setTaskQueue(ConsistencyCheckWorkflow.TASK_QUEUE)
                .setCronSchedule(cron)
                .setStaticSummary("Scheduled consistency check (" + cron + ")")
                .build());
    try {
      WorkflowClient.start(workflow::run, CheckInput.forSchedule());
      log.info("consistency check scheduled: {}", cron);
    } catch (WorkflowExecutionAlreadyStarted raced) {
      log.info("consistency check schedule started by another instance");
    }
  }

  /** The cron of the running scheduled check, if one runs. */
  private Optional<String> runningCron() {
    WorkflowExecutionStatus status;
    try {
      status = stub().describe().getStatus();
    } catch (RuntimeException none) {
      return Optional.empty(); // never started here
    }
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return Optional.empty();
    }
    return Optional.of(
        client
            .fetchHistory(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getCronSchedule());
  }

  private WorkflowStub stub() {
    return client.newUntypedWorkflowStub(ConsistencyCheckWorkflow.SCHEDULED_WORKFLOW_ID);
  }
}
