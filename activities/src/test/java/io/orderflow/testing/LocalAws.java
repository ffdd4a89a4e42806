package io.orderflow.testing;

import io.orderflow.aws.AwsEndpoints;
import io.orderflow.eventstore.dynamodb.TableNames;
import java.util.UUID;

/**
 * The local servers the adapter tests run against: dynalite and fauxqs, started by the README's
 * test command (addresses passed in as system properties by the build).
 */
public final class LocalAws {
  private LocalAws() {}

  public static AwsEndpoints endpoints() {
    return AwsEndpoints.local(
        System.getProperty("orderflow.it.dynamodb", "http://127.0.0.1:8000"),
        System.getProperty("orderflow.it.sns", "http://127.0.0.1:4566"));
  }

  /** Table names no other test uses, so tests never see each other's items. */
  public static TableNames freshTables() {
    return TableNames.defaults().prefixed("t" + UUID.randomUUID().toString().substring(0, 8) + "_");
  }
}
