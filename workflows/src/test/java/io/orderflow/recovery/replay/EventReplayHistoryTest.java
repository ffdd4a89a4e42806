package io.orderflow.recovery.replay;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards the replay workflow's determinism with histories recorded from real corrective runs (the
 * workers module's EventReplayWorkflowTest and EventReplayCorrectionTest with {@code
 * -Dorderflow.recordHistories=true}): one from before corrective events existed, one that appended,
 * published and refreshed a corrective event.
 */
class EventReplayHistoryTest {
  static final String CORRECTED = "histories/replay-corrected.json";
  static final String CORRECTIVE_EVENT = "histories/replay-corrective-event.json";

  @Test
  @DisplayName("a replay that corrected snapshots and projection rows replays unchanged")
  void correctedReplayReplays() throws Exception {
    replays(CORRECTED);
  }

  @Test
  @DisplayName(
      "a replay that appended, published and refreshed a corrective event replays unchanged")
  void correctiveEventReplays() throws Exception {
    replays(CORRECTIVE_EVENT);
  }

  private static void replays(String history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(EventReplayWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(resource(history)), worker);
    }
  }

  private static String resource(String name) {
    try (InputStream in = EventReplayHistoryTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("recorded history %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
