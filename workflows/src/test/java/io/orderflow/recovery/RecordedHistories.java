package io.orderflow.recovery;

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

/**
 * Histories recorded from real runs (test resources {@code histories/}), and their replay on
 * today's workflow code: what guards a DR workflow's determinism.
 */
public final class RecordedHistories {
  private RecordedHistories() {}

  /** A recorded history's JSON. */
  public static String json(String file) {
    try (InputStream in =
        RecordedHistories.class.getClassLoader().getResourceAsStream("histories/" + file)) {
      assertThat(in).as("recorded history %s", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replays a history on the given implementations; throws if the code no longer matches it. */
  public static void replay(WorkflowExecutionHistory history, Class<?>... implementations)
      throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(implementations);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
  }
}
