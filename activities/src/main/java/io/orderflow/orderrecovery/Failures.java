package io.orderflow.orderrecovery;

import io.temporal.failure.ApplicationFailure;

/** Failures a retry cannot fix: the workflow fails at once with the operator's message. */
final class Failures {
  private Failures() {}

  static ApplicationFailure of(String type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }
}
