package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the event store driver on short rounds against the test dynalite
 * (-Dorderflow.it.dynamodb): both append variants run in every round, without a failure, and every
 * load figure is printed. No figure is judged here; timing belongs in the benchmark run.
 */
class EventStoreLoadDriverTest {

  @Test
  @DisplayName("in two one-second rounds both variants append, none fails, and loads are printed")
  void shortRun_printsBothVariantsPerRoundAndEveryLoad() throws Exception {
    String endpoint = System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000");
    String[] args = {
      "--endpoint", endpoint,
      "--threads", "1,2",
      "--warmup-seconds", "1",
      "--round-seconds", "1",
      "--rounds", "2",
      "--sizes", "10,20",
      "--samples", "3",
      "--load-warmup", "1"
    };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    EventStoreLoadDriver.run(
        DriverOptions.parse(args), args, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .containsPattern("(?m)^1 +[0-9]+\\.[0-9] +[0-9]+\\.[0-9] +[0-9]+\\.[0-9]%.* 0/0$")
        .containsPattern("(?m)^2 +[0-9]+\\.[0-9] +[0-9]+\\.[0-9] +[0-9]+\\.[0-9]%.* 0/0$")
        .containsPattern(
            "rounds @1 \\(orderflow/raw app/s\\): [0-9.]+/[0-9.]+ \\([0-9.]+%\\), [0-9.]+/[0-9.]+")
        .containsPattern("(?m)^10 +\\| +[0-9.]+ ")
        .containsPattern("(?m)^20 +\\| +[0-9.]+ ")
        .contains("ratio 20 vs 10 events:");
  }
}
