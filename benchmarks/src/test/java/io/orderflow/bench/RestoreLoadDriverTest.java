package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the restore driver on a tiny backup against the test dynalite
 * (-Dorderflow.it.dynamodb): it must print both rates and bring every item back. No figure is
 * judged here; timing belongs in the benchmark run.
 */
class RestoreLoadDriverTest {

  @Test
  @DisplayName("on a 300-event backup the driver prints both rates and restores every item")
  void smallBackup_printsBothRatesAndRestoresEverything() throws Exception {
    String endpoint = System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000");
    String[] args = {
      "--endpoint", endpoint, "--events", "300", "--parallelism", "2", "--sample", "20"
    };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RestoreLoadDriver.Result result =
        RestoreLoadDriver.run(
            RestoreOptions.parse(args), args, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.backupItems()).isGreaterThan(300); // 300 commits and their snapshots
    assertThat(result.rawItems()).isEqualTo(result.backupItems());
    assertThat(result.restoredItems()).isEqualTo(result.backupItems());
    assertThat(result.anomalies()).isZero();
    assertThat(result.rawRate()).isPositive();
    assertThat(result.orderflowRate()).isPositive();
    assertThat(report)
        .contains("seeded         80 orders, 300 commits, 300 events")
        .containsPattern("raw import \\(baseline\\) +[0-9.]+ ")
        .containsPattern("orderflow restore, dry run, sample 20 +[0-9.]+ ")
        .containsPattern("orderflow restore, dry run, every order +[0-9.]+ ")
        .contains("cost of validation: ");
  }

  @Test
  void givenOptions_thenEachOverridesItsDefault_andNonsenseIsNamed() {
    RestoreOptions o =
        RestoreOptions.parse(
            "--endpoint", "http://127.0.0.1:18400", "--events", "100_000", "--all-orders", "false");

    assertThat(o.endpoint()).isEqualTo(URI.create("http://127.0.0.1:18400"));
    assertThat(o.events()).isEqualTo(100_000);
    assertThat(o.parallelism()).isEqualTo(4);
    assertThat(o.allOrders()).isFalse();
    assertThatThrownBy(() -> RestoreOptions.parse("--parallelism", "33"))
        .hasMessageContaining("--parallelism");
    assertThatThrownBy(() -> RestoreOptions.parse("--all-orders", "yes"))
        .hasMessageContaining("'yes'");
  }
}
