package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {
  @Test
  void givenNoArguments_thenTheIssuesBenchmarkAgainstTheDevStack() {
    DriverOptions o = DriverOptions.parse();

    assertThat(o.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    assertThat(o.appendThreads()).containsExactly(1, 8);
    assertThat(o.orderSizes()).containsExactly(10, 100, 1000);
  }

  @Test
  void givenOptions_thenEachOverridesItsDefault() {
    DriverOptions o =
        DriverOptions.parse(
            "--endpoint", "http://127.0.0.1:18200",
            "--threads", "2,4",
            "--round-seconds", "7",
            "--sizes", "20, 200",
            "--samples", "9",
            "--snapshot-tail", "3");

    assertThat(o.endpoint()).isEqualTo(URI.create("http://127.0.0.1:18200"));
    assertThat(o.appendThreads()).isEqualTo(List.of(2, 4));
    assertThat(o.round()).isEqualTo(Duration.ofSeconds(7));
    assertThat(o.orderSizes()).isEqualTo(List.of(20, 200));
    assertThat(o.loadSamples()).isEqualTo(9);
    assertThat(o.snapshotTail()).isEqualTo(3);
  }

  @Test
  void givenAnUnknownOrIncompleteOption_thenTheMessageNamesIt() {
    assertThatThrownBy(() -> DriverOptions.parse("--thread", "8")).hasMessageContaining("--thread");
    assertThatThrownBy(() -> DriverOptions.parse("--samples")).hasMessageContaining("--samples");
    assertThatThrownBy(() -> DriverOptions.parse("--rounds", "many"))
        .hasMessageContaining("'many'");
  }

  @Test
  void givenHelp_thenHelpIsRequestedInsteadOfARun() {
    assertThatThrownBy(() -> DriverOptions.parse("--help"))
        .isInstanceOf(DriverOptions.HelpRequested.class);
  }
}
