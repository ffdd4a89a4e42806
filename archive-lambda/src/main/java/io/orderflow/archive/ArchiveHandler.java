package io.orderflow.archive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.util.List;

/**
 * Entry point of the archive Lambda ({@code io.orderflow.archive.ArchiveHandler::handleRequest}),
 * fed by the {@code order_events} stream. Environment: {@code ARCHIVE_BUCKET} (required), {@code
 * ARCHIVE_PREFIX} (default {@code stream-archive/}).
 *
 * <p>A failed put throws, so Lambda retries the batch (and bisects it, as the event source mapping
 * is configured); objects are named after their sequence numbers, so a retry overwrites rather than
 * duplicates what the first attempt managed to write.
 */
public final class ArchiveHandler implements RequestHandler<DynamodbEvent, Void> {

  private final S3ArchiveWriter writer;
  private final String prefix;

  /** Used by the Lambda runtime, once per execution environment. */
  public ArchiveHandler() {
    this(S3ArchiveWriter.fromEnvironment(requiredEnv("ARCHIVE_BUCKET")), prefixFromEnv());
  }

  ArchiveHandler(S3ArchiveWriter writer, String prefix) {
    this.writer = writer;
    this.prefix = prefix;
  }

  @Override
  public Void handleRequest(DynamodbEvent event, Context context) {
    List<ArchiveBatch.ArchiveObject> objects =
        ArchiveBatch.of(event.getRecords(), prefix, Instant.now());
    for (ArchiveBatch.ArchiveObject object : objects) {
      writer.write(object);
      context
          .getLogger()
          .log("archived " + object.lines().size() + " records to " + object.key() + "\n");
    }
    return null;
  }

  private static String prefixFromEnv() {
    String prefix = System.getenv("ARCHIVE_PREFIX");
    return prefix == null || prefix.isBlank() ? "stream-archive/" : prefix;
  }

  private static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }
}
