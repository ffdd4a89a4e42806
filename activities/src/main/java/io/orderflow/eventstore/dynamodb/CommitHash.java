package io.orderflow.eventstore.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical encoding of a commit and the hash of the commit before it. Each field is
 * length-prefixed, so no two different commits encode alike. The unpublished marker and the index
 * keys are not part of it: they change or derive, the history does not.
 */
public final class CommitHash {
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(CommitHash::newSha256);
  private static final HexFormat HEX = HexFormat.of();

  private CommitHash() {}

  public static String of(StoredCommit c) {
    StringBuilder canonical = new StringBuilder();
    field(canonical, c.orderId());
    field(canonical, Long.toString(c.version()));
    field(canonical, Long.toString(c.lastVersion()));
    field(canonical, c.commitId());
    field(canonical, c.committedAt().toString());
    field(canonical, c.metadata().correlationId());
    field(canonical, c.metadata().causationId());
    field(canonical, c.metadata().actor());
    field(canonical, c.metadata().workflowId());
    for (StoredEvent e : c.events()) {
      field(canonical, Long.toString(e.version()));
      field(canonical, e.eventId());
      field(canonical, e.type());
      field(canonical, Integer.toString(e.schemaVersion()));
      field(canonical, e.occurredAt().toString());
      field(canonical, e.data());
    }
    field(canonical, c.prevHash());
    return sha256(canonical.toString());
  }

  private static void field(StringBuilder out, String value) {
    String v = value == null ? "" : value;
    out.append(v.length()).append(':').append(v).append(';');
  }

  private static String sha256(String text) {
    // digest() resets the instance, so one per thread serves every hash that thread computes.
    return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
