package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
  private static final String BEFORE =
      """
      # HELP orderflow_events_write_latency_seconds
      orderflow_events_write_latency_seconds_count 5
      orderflow_events_write_latency_seconds_sum 0.5
      orderflow_events_write_latency_seconds_max 0.2
      temporal_activity_execution_latency_seconds_count{activity_type="AppendCommit",exception="none",task_queue="orders"} 5
      temporal_activity_execution_latency_seconds_sum{activity_type="AppendCommit",exception="none",task_queue="orders"} 1.0
      temporal_request_total{operation="PollActivityTaskQueue"} 9
      """;

  private static final String AFTER =
      BEFORE
          .replace("seconds_count 5", "seconds_count 15")
          .replace("seconds_sum 0.5", "seconds_sum 1.5")
          .replace("task_queue=\"orders\"} 5", "task_queue=\"orders\"} 7")
          .replace("task_queue=\"orders\"} 1.0", "task_queue=\"orders\"} 1.2");

  @Test
  void givenTwoReadings_thenTheDeltaIsWhatHappenedBetweenThemPerSeries() {
    Map<String, ServerMetrics.Series> delta =
        ServerMetrics.delta(ServerMetrics.parse(BEFORE), ServerMetrics.parse(AFTER));

    assertThat(delta)
        .containsOnlyKeys(
            "orderflow_events_write_latency_seconds",
            "temporal_activity_execution_latency_seconds{activity_type=AppendCommit, task_queue=orders}");
    assertThat(delta.get("orderflow_events_write_latency_seconds").count()).isEqualTo(10);
    assertThat(delta.get("orderflow_events_write_latency_seconds").sumSeconds())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(
            delta
                .get(
                    "temporal_activity_execution_latency_seconds"
                        + "{activity_type=AppendCommit, task_queue=orders}")
                .count())
        .isEqualTo(2);
  }
}
