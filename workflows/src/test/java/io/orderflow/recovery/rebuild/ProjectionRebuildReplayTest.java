package io.orderflow.recovery.rebuild;

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
 * Guards the projection rebuild's determinism: histories recorded from real runs (the workers
 * module's ProjectionRebuildWorkflowTest and ProjectionRebuildSafetyTest with {@code
 * -Dorderflow.recordHistories=true}, against dynalite) must replay on today's {@link
 * ProjectionRebuildWorkflowImpl}. A failure means a change would break a rebuild in flight: put it
 * behind {@code Workflow.getVersion} instead of re-recording.
 */
class ProjectionRebuildReplayTest {
  static final String SWAPPED = "histories/projection-rebuild-swapped.json";
  static final String CANCELLED = "histories/projection-rebuild-cancelled.json";

  @Test
  @DisplayName("a rebuild that scanned, caught up and swapped replays unchanged")
  void swappedRebuildReplays() throws Exception {
    replay(resource(SWAPPED));
  }

  @Test
  @DisplayName("a rebuild cancelled mid-scan, with its cleanup, replays unchanged")
  void cancelledRebuildReplays() throws Exception {
    replay(resource(CANCELLED));
  }

  @Test
  @DisplayName("the recorded histories went through the settle timer, the catch-up and the cleanup")
  void historiesCoverEveryStep() {
    List<EventType> swapped = types(SWAPPED);
    assertThat(swapped)
        .contains(EventType.EVENT_TYPE_TIMER_FIRED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    assertThat(resource(SWAPPED)).contains("RebuildSegment").contains("CatchUp").contains("Swap");
    assertThat(types(CANCELLED))
        .contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED)
        .endsWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED);
    assertThat(resource(CANCELLED)).contains("StopBuilding").contains("DropGeneration");
  }

  private static List<EventType> types(String name) {
    return WorkflowExecutionHistory.fromJson(resource(name)).getEvents().stream()
        .map(HistoryEvent::getEventType)
        .toList();
  }

  private static void replay(String historyJson) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(ProjectionRebuildWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(historyJson), worker);
    }
  }

  private static String resource(String name) {
    try (InputStream in =
        ProjectionRebuildReplayTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("recorded history %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
