package io.orderflow.api.recovery;

/**
 * {@code POST /api/recoveries/projection-rebuild}.
 *
 * @param projection the read model: {@code order-summary} or {@code revenue} (required)
 * @param action {@code rebuild} (when absent), {@code rollback} or {@code drop-previous}
 * @param dryRun build the new generation, report and drop it; rebuild only; false when absent
 * @param segments parallel scan segments, 1–32; the configured default when absent
 * @param allowUnfoldable swap even if some orders' histories cannot be folded; false when absent
 */
record ProjectionRebuildRequest(
    String projection, String action, Boolean dryRun, Integer segments, Boolean allowUnfoldable) {}
