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
 * A smoke test of the rebuild driver on a tiny events table against the test dynalite
 * (-Dorderflow.it.dynamodb): it must print every rate and rebuild from every event. No figure is
 * judged here; timing belongs in the benchmark run.
 */
class RebuildLoadDriverTest {

  @Test
  @DisplayName("on 300 events the driver prints every rate and the rebuild folds every order")
  void smallTable_printsEveryRateAndRebuildsEverything() throws Exception {
    String endpoint = System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000");
    String[] args = {"--endpoint", endpoint, "--events", "300", "--segments", "2", "--rounds", "1"};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RebuildLoadDriver.Result result =
        RebuildLoadDriver.run(
            RebuildLoadDriver.Options.parse(args),
            args,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.seededEvents()).isEqualTo(300);
    assertThat(result.reports()).hasSize(1);
    assertThat(result.reports().get(0).outcome()).isEqualTo("SWAPPED");
    assertThat(result.reports().get(0).scanned().events()).isEqualTo(300);
    assertThat(result.reports().get(0).scanned().orders()).isEqualTo(80);
    assertThat(result.rawRate()).isPositive();
    assertThat(result.rebuildRate()).isPositive();
    assertThat(report)
        .contains("seeded         80 orders, 300 commits, 300 events")
        .containsPattern("raw parallel scan, every attribute \\(the baseline\\) +[0-9.]+ ")
        .containsPattern("orderflow rebuild, whole workflow +[0-9.]+ ")
        .contains("rebuild rate: ");
  }

  @Test
  void givenOptions_thenEachOverridesItsDefault_andNonsenseIsNamed() {
    RebuildLoadDriver.Options o =
        RebuildLoadDriver.Options.parse(
            "--endpoint",
            "http://127.0.0.1:18400",
            "--events",
            "100_000",
            "--projection",
            "revenue");

    assertThat(o.endpoint()).isEqualTo(URI.create("http://127.0.0.1:18400"));
    assertThat(o.events()).isEqualTo(100_000);
    assertThat(o.segments()).isEqualTo(4);
    assertThat(o.projection()).isEqualTo("revenue");
    assertThatThrownBy(() -> RebuildLoadDriver.Options.parse("--segments", "33"))
        .hasMessageContaining("--segments");
    assertThatThrownBy(() -> RebuildLoadDriver.Options.parse("--rounds", "two"))
        .hasMessageContaining("'two'");
  }
}
