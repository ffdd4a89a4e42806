package io.orderflow.recovery;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With {@code -Dorderflow.recordHistories=true}, keeps a real run's history in the workflows
 * module's test resources, where a replay test replays it against every later version of the code.
 * Without the property nothing is written.
 */
public final class RecordedHistories {
  private static final Path HISTORIES = Path.of("../workflows/src/test/resources/histories");

  private RecordedHistories() {}

  /** The workflow's latest run. */
  public static void keep(WorkflowClient client, String workflowId, String file)
      throws IOException {
    keep(client, workflowId, null, file);
  }

  /** One run of the workflow; {@code runId} null for its latest. */
  public static void keep(WorkflowClient client, String workflowId, String runId, String file)
      throws IOException {
    if (Boolean.getBoolean("orderflow.recordHistories")) {
      Files.writeString(
          HISTORIES.resolve(file), client.fetchHistory(workflowId, runId).toJson(true));
    }
  }
}
