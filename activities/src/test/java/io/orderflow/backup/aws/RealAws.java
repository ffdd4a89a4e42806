package io.orderflow.backup.aws;

import io.orderflow.aws.AwsEndpoints;
import java.time.Duration;
import java.util.Optional;

/**
 * Real AWS for the tests of the native path, which dynalite cannot serve (DESIGN.md §8). They run
 * only when asked ({@code -Dorderflow.it.aws=true}) and credentials are in the environment ({@code
 * AWS_ACCESS_KEY_ID}, {@code AWS_PROFILE} or a web identity token, as CI's OIDC role gives them);
 * they create and delete their own tables and backups, in {@code AWS_REGION} (us-east-1).
 */
final class RealAws {
  private RealAws() {}

  static boolean available() {
    return Boolean.getBoolean("orderflow.it.aws")
        && (present("AWS_ACCESS_KEY_ID")
            || present("AWS_PROFILE")
            || present("AWS_WEB_IDENTITY_TOKEN_FILE"));
  }

  static AwsEndpoints endpoints() {
    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    return new AwsEndpoints(region, Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
  }

  private static boolean present(String variable) {
    String value = System.getenv(variable);
    return value != null && !value.isBlank();
  }
}
