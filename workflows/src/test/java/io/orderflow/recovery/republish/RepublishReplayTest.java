package io.orderflow.recovery.republish;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.recovery.RecordedHistories;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the republish runbook's determinism: histories recorded from real runs (the workers
 * module's RepublishWorkflowTest with {@code -Dorderflow.recordHistories=true}, against dynalite
 * and fauxqs) must replay on today's {@link RepublishWorkflowImpl}. A failure means a change would
 * break a republish in flight: put it behind {@code Workflow.getVersion} instead of re-recording.
 */
class RepublishReplayTest {
  static final String SENT = "republish-unpublished.json";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SENT, "republish-cancelled.json"})
  @DisplayName("a recorded republish replays unchanged")
  void recordedRepublishReplays(String file) throws Exception {
    RecordedHistories.replay(
        WorkflowExecutionHistory.fromJson(RecordedHistories.json(file)),
        RepublishWorkflowImpl.class);
  }

  @Test
  @DisplayName("the recorded run read and sent several batches before it completed")
  void sentHistoryCoversBatches() {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(RecordedHistories.json(SENT));
    long sends =
        history.getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
            .filter(a -> a.getActivityType().getName().equals("RepublishBatch"))
            .count();
    assertThat(sends).isGreaterThan(1);
    assertThat(history.getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }
}
