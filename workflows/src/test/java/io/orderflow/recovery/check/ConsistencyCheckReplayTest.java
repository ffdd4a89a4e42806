package io.orderflow.recovery.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.recovery.RecordedHistories;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the consistency check's determinism: histories recorded from real runs (the workers
 * module's ConsistencyCheckWorkflowTest and ScheduledCheckTest with {@code
 * -Dorderflow.recordHistories=true}, against dynalite) must replay on today's {@link
 * ConsistencyCheckWorkflowImpl}. A failure means a change would break a check in flight, or the
 * schedule: put it behind {@code Workflow.getVersion} instead of re-recording.
 */
class ConsistencyCheckReplayTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "consistency-check-findings.json",
        "consistency-check-cancelled.json",
        "consistency-check-scheduled-cancelled.json"
      })
  @DisplayName("a recorded check replays unchanged")
  void recordedCheckReplays(String file) throws Exception {
    RecordedHistories.replay(
        withoutCronHandOver(RecordedHistories.json(file)), ConsistencyCheckWorkflowImpl.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"consistency-check-findings.json", "consistency-check-scheduled-cancelled.json"})
  @DisplayName("the recorded histories went through the scan, or the schedule's child check")
  void historiesCoverTheirPath(String file) {
    String json = RecordedHistories.json(file);
    List<EventType> types =
        WorkflowExecutionHistory.fromJson(json).getEvents().stream()
            .map(HistoryEvent::getEventType)
            .toList();
    if (file.contains("scheduled")) {
      assertThat(types)
          .contains(EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED)
          .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    } else {
      assertThat(types).endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
      assertThat(json).contains("CheckSegment").contains("RecordCheckVerdict");
    }
  }

  /**
   * The server records the end of a cron run as CONTINUED_AS_NEW (the hand-over to the next run),
   * where the code completed: the replayer cannot match the two, so a cron run is replayed up to
   * that last event. Other histories are replayed whole.
   */
  private static WorkflowExecutionHistory withoutCronHandOver(String json) {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(json);
    List<HistoryEvent> events = history.getEvents();
    HistoryEvent last = events.get(events.size() - 1);
    if (last.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
        || !last.getWorkflowExecutionContinuedAsNewEventAttributes().hasBackoffStartInterval()) {
      return history;
    }
    return new WorkflowExecutionHistory(
        History.newBuilder().addAllEvents(events.subList(0, events.size() - 1)).build());
  }
}
