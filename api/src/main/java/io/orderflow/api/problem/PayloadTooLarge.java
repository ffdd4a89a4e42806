package io.orderflow.api.problem;

import java.io.IOException;

/** A request body grew past the limit while it was read. */
public final class PayloadTooLarge extends IOException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLarge(long limit) {
    super("the request body exceeds the limit of " + limit + " bytes");
  }
}
