package io.orderflow.api.recovery;

/**
 * {@code POST /api/recoveries/consistency-check}; an empty object (or no body) takes the worker's
 * settings.
 *
 * @param segments parallel scan segments, 1–32
 * @param staleAfterSeconds how old an unpublished commit, or a projection row's lag, must be to
 *     count as a finding; 0 judges everything
 */
record ConsistencyCheckRequest(Integer segments, Long staleAfterSeconds) {}
