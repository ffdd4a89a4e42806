package io.orderflow.recovery.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards the full restore's determinism: histories recorded from real runs (the workers module's
 * FullRestoreWorkflowTest with {@code -Dorderflow.recordHistories=true}, against dynalite) must
 * replay on today's {@link FullRestoreWorkflowImpl}. A failure means a change would break a restore
 * in flight: put it behind {@code Workflow.getVersion} instead of re-recording.
 */
class FullRestoreReplayTest {
  static final String SWITCHED = "histories/full-restore-switched.json";
  static final String CANCELLED = "histories/full-restore-cancelled.json";

  @Test
  @DisplayName("a restore that imported, validated, switched and ramped replays unchanged")
  void switchedRestoreReplays() throws Exception {
    replay(resource(SWITCHED));
  }

  @Test
  @DisplayName("a restore cancelled mid-import, with its cleanup, replays unchanged")
  void cancelledRestoreReplays() throws Exception {
    replay(resource(CANCELLED));
  }

  @Test
  @DisplayName("the switched history went through the pointer switch and the ramp's timers")
  void switchedHistoryCoversTheRamp() {
    List<EventType> types =
        WorkflowExecutionHistory.fromJson(resource(SWITCHED)).getEvents().stream()
            .map(HistoryEvent::getEventType)
            .toList();
    assertThat(types)
        .contains(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    assertThat(resource(SWITCHED)).contains("SwitchTables").contains("Probe");
  }

  private static void replay(String historyJson) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(FullRestoreWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(historyJson), worker);
    }
  }

  private static String resource(String name) {
    try (InputStream in = FullRestoreReplayTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("recorded history %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
