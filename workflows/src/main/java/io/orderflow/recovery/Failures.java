package io.orderflow.recovery;

import io.temporal.failure.ApplicationFailure;

/** What a DR workflow records as the reason it failed. */
public final class Failures {
  private Failures() {}

  /**
   * The innermost cause's message: what actually went wrong, without the activity and workflow
   * wrappers around it.
   */
  public static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause.getMessage();
  }
}
