package io.orderflow.eventstore.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.eventstore.CommitMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Commits kept as files, written to a table exactly as an older orderflow stored them. */
final class StoredFixtures {
  private StoredFixtures() {}

  static StoredCommit read(String resource) {
    try (InputStream in = StoredFixtures.class.getResourceAsStream(resource)) {
      JsonNode c = new ObjectMapper().readTree(in);
      long version = c.get("version").asLong();
      List<StoredEvent> events = new ArrayList<>();
      for (JsonNode e : c.get("events")) {
        events.add(
            new StoredEvent(
                version + events.size(),
                e.get("eventId").asText(),
                e.get("type").asText(),
                e.get("schemaVersion").asInt(),
                Instant.parse(e.get("occurredAt").asText()),
                e.get("data").asText()));
      }
      return new StoredCommit(
          c.get("orderId").asText(),
          version,
          c.get("lastVersion").asLong(),
          c.get("commitId").asText(),
          events,
          new CommitMetadata(
              c.get("correlationId").asText(),
              c.get("causationId").asText(),
              c.get("actor").asText(),
              c.get("workflowId").asText()),
          Instant.parse(c.get("committedAt").asText()),
          c.get("prevHash").asText(),
          c.get("hash").asText(),
          false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(DynamoDbClient dynamo, TableNames tables, StoredCommit commit) {
    dynamo.putItem(r -> r.tableName(tables.events()).item(CommitItems.toItem(commit)));
  }
}
