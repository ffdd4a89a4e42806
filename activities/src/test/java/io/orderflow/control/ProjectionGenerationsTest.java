package io.orderflow.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.testing.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The generation pointer of a read model in {@code orderflow_control}, on the test dynalite. */
class ProjectionGenerationsTest {
  static final String NAME = "order-summary";

  final StoreFixture fixture = new StoreFixture();
  final String configured = fixture.tables.projections();
  final ProjectionGenerations generations =
      new ProjectionGenerations(fixture.dynamo, fixture.tables.control(), Duration.ZERO);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  @DisplayName("with no item, the configured table serves at revision 0 and nothing is being built")
  void configuredTableFirst() {
    ProjectionGenerations.Generation g = generations.read(NAME, configured);

    assertThat(g.table()).isEqualTo(configured);
    assertThat(g.revision()).isZero();
    assertThat(g.previousTable()).isNull();
    assertThat(g.building()).isNull();
  }

  @Test
  @DisplayName(
      "an announced generation is swapped in with one conditional write; the old one becomes the"
          + " previous")
  void announceThenSwap() {
    generations.startBuilding(NAME, configured, "gen-1", "op-1", null);
    assertThat(generations.read(NAME, configured).building()).isEqualTo("gen-1");
    assertThat(generations.read(NAME, configured).table()).isEqualTo(configured);

    ProjectionGenerations.Generation g =
        generations.switchTo(NAME, configured, "gen-1", 0, "tester", Instant.now());

    assertThat(g.table()).isEqualTo("gen-1");
    assertThat(g.previousTable()).isEqualTo(configured);
    assertThat(g.revision()).isEqualTo(1);
    assertThat(g.building()).isNull();
    assertThat(generations.switchTo(NAME, configured, "gen-1", 0, "tester", Instant.now()))
        .as("a retried swap changes nothing")
        .isEqualTo(g);
  }

  @Test
  @DisplayName(
      "a second rebuild cannot announce over the first, unless it takes over an abandoned one")
  void oneBuilderAtATime() {
    generations.startBuilding(NAME, configured, "gen-1", "op-1", null);
    generations.startBuilding(NAME, configured, "gen-1", "op-1", null); // a retry is fine

    assertThatThrownBy(() -> generations.startBuilding(NAME, configured, "gen-2", "op-2", null))
        .isInstanceOf(ProjectionGenerations.Conflict.class)
        .hasMessageContaining("gen-1")
        .hasMessageContaining("op-1");

    generations.startBuilding(NAME, configured, "gen-2", "op-2", "gen-1");
    assertThat(generations.read(NAME, configured).building()).isEqualTo("gen-2");
  }

  @Test
  @DisplayName(
      "a swap is refused when the pointer moved, or when the generation is no longer announced")
  void swapsAreConditional() {
    generations.startBuilding(NAME, configured, "gen-1", "op-1", null);
    generations.switchTo(NAME, configured, "gen-1", 0, "tester", Instant.now());
    generations.startBuilding(NAME, configured, "gen-2", "op-2", null);

    assertThatThrownBy(
            () -> generations.switchTo(NAME, configured, "gen-2", 0, "tester", Instant.now()))
        .isInstanceOf(ProjectionGenerations.Conflict.class);
    generations.stopBuilding(NAME, "gen-2");
    assertThatThrownBy(
            () -> generations.switchTo(NAME, configured, "gen-2", 1, "tester", Instant.now()))
        .isInstanceOf(ProjectionGenerations.Conflict.class);
    assertThat(generations.read(NAME, configured).table()).isEqualTo("gen-1");
  }

  @Test
  @DisplayName("forgetting the previous generation only forgets the one named")
  void forgetPrevious() {
    generations.startBuilding(NAME, configured, "gen-1", "op-1", null);
    generations.switchTo(NAME, configured, "gen-1", 0, "tester", Instant.now());

    generations.forgetPrevious(NAME, "some-other-table");
    assertThat(generations.read(NAME, configured).previousTable()).isEqualTo(configured);
    generations.forgetPrevious(NAME, configured);
    assertThat(generations.read(NAME, configured).previousTable()).isNull();
  }
}
