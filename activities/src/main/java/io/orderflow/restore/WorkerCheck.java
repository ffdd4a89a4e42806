package io.orderflow.restore;

import java.util.Optional;

/**
 * Whether the workers a restored service needs are there: the preflight's "workers reachable".
 * Implemented in the workers module against Temporal's DescribeTaskQueue.
 */
public interface WorkerCheck {

  /**
   * What is wrong, if anything.
   *
   * @return a refusal reason (no worker polls the orders queue), or empty
   * @throws UnsupportedOperationException when the server cannot say (the local test server has no
   *     DescribeTaskQueue); the preflight notes it and goes on
   */
  Optional<String> problem();

  /** For tests and tools that run without Temporal workers to check. */
  WorkerCheck NONE =
      () -> {
        throw new UnsupportedOperationException("no worker check configured");
      };
}
