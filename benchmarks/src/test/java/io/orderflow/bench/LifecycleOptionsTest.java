package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleOptionsTest {
  @Test
  void givenNoArguments_thenTheIssuesClientCountsAgainstTheDevStack() {
    LifecycleOptions o = LifecycleOptions.parse();

    assertThat(o.api()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(o.temporal()).isEqualTo("127.0.0.1:7233");
    assertThat(o.clients()).containsExactly(1, 8, 32);
  }

  @Test
  void givenOptions_thenEachOverridesItsDefault() {
    LifecycleOptions o =
        LifecycleOptions.parse(
            "--api", "http://127.0.0.1:18480",
            "--temporal", "127.0.0.1:17533",
            "--clients", "2, 4",
            "--seconds", "7",
            "--warmup-seconds", "0");

    assertThat(o.api()).isEqualTo(URI.create("http://127.0.0.1:18480"));
    assertThat(o.temporal()).isEqualTo("127.0.0.1:17533");
    assertThat(o.clients()).isEqualTo(List.of(2, 4));
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(7));
    assertThat(o.warmup()).isZero();
  }

  @Test
  void givenABadOption_thenTheMessageNamesIt() {
    assertThatThrownBy(() -> LifecycleOptions.parse("--client", "8"))
        .hasMessageContaining("--client");
    assertThatThrownBy(() -> LifecycleOptions.parse("--clients", "0"))
        .hasMessageContaining("--clients");
    assertThatThrownBy(() -> LifecycleOptions.parse("--seconds", "0"))
        .hasMessageContaining("--seconds");
    assertThatThrownBy(() -> LifecycleOptions.parse("--seconds")).hasMessageContaining("--seconds");
  }
}
