package io.orderflow.architecture.violations;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import org.springframework.orderflowfixture.SpringBean;
import software.amazon.orderflowfixture.AwsClient;

/**
 * Classes that each break one determinism rule, to show that {@code WorkflowsDeterminismTest} would
 * catch them. Test code only: never imported by the rules over the main classes.
 */
@SuppressWarnings("unused")
public final class Violations {
  private Violations() {}

  public static class UsesSpring {
    SpringBean bean;
  }

  public static class UsesAws {
    AwsClient client;
  }

  public static class UsesNetwork {
    URI uri = URI.create("http://example.com");
  }

  public static class ReadsFile {
    boolean exists(String name) {
      return new File(name).exists();
    }
  }

  public static class OpensFileStream {
    void read(String name) throws IOException {
      new FileInputStream(name).close();
    }
  }

  public static class WritesFileStream {
    void write(String name) throws IOException {
      new FileOutputStream(name).close();
    }
  }

  public static class UsesNioFiles {
    Path path;
  }

  public static class CallsInstantNow {
    Instant now() {
      return Instant.now();
    }
  }

  public static class CallsLocalDateTimeNow {
    LocalDateTime now() {
      return LocalDateTime.now();
    }
  }

  public static class CallsClock {
    long now() {
      return Clock.systemUTC().millis();
    }
  }

  public static class CallsCurrentTimeMillis {
    long now() {
      return System.currentTimeMillis();
    }
  }

  public static class CallsNanoTime {
    long now() {
      return System.nanoTime();
    }
  }

  public static class CallsRandomUuid {
    UUID id() {
      return UUID.randomUUID();
    }
  }

  public static class ConstructsRandom {
    int roll() {
      return new Random().nextInt(6);
    }
  }

  public static class ConstructsSecureRandom {
    int roll() {
      return new SecureRandom().nextInt(6);
    }
  }

  public static class Sleeps {
    void pause() throws InterruptedException {
      Thread.sleep(10);
    }
  }
}
