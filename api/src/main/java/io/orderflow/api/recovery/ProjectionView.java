package io.orderflow.api.recovery;

import io.orderflow.control.ProjectionGenerations;

/**
 * A read model's generations, as {@code GET /api/projections} lists them.
 *
 * @param activeTable the generation reads and live writes use
 * @param previousTable the generation a rollback returns to; null when none
 * @param building the generation a rebuild is filling; null when none
 */
record ProjectionView(
    String projection,
    String configuredTable,
    String activeTable,
    long revision,
    String previousTable,
    String building,
    String buildingBy,
    String switchedAt,
    String switchedBy) {

  static ProjectionView of(String configuredTable, ProjectionGenerations.Generation g) {
    return new ProjectionView(
        g.projection(),
        configuredTable,
        g.table(),
        g.revision(),
        g.previousTable(),
        g.building(),
        g.buildingBy(),
        g.switchedAt() == null ? null : g.switchedAt().toString(),
        g.switchedBy());
  }
}
