package io.orderflow.bench.jmh;

import io.orderflow.bench.SampleCommits;
import io.orderflow.eventstore.dynamodb.CommitHash;
import io.orderflow.eventstore.dynamodb.EventCodec;
import io.orderflow.eventstore.dynamodb.StoredCommit;
import io.orderflow.eventstore.dynamodb.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link CommitHash#of} for a typical commit, beside the bare SHA-256 of as many bytes as its
 * canonical encoding has: the difference is building that encoding and formatting the hex.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommitHashBenchmark {
  private StoredCommit commit;
  private byte[] sameBytes;

  @Setup
  public void setUp() {
    commit =
        SampleCommits.stored(
            SampleCommits.firstCommit("0c5e2f1a-4b1e-4d7a-9a55-3c1d2e0f9b8a"), new EventCodec());
    sameBytes = canonicalLength(commit);
  }

  @Benchmark
  public String commitHash() {
    return CommitHash.of(commit);
  }

  @Benchmark
  public byte[] baselineRawSha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(sameBytes);
  }

  // Mirrors CommitHash's length-prefixed encoding only to learn how many bytes it hashes.
  private static byte[] canonicalLength(StoredCommit c) {
    StringBuilder b = new StringBuilder();
    for (String f :
        new String[] {
          c.orderId(),
          Long.toString(c.version()),
          Long.toString(c.lastVersion()),
          c.commitId(),
          c.committedAt().toString(),
          c.metadata().correlationId(),
          c.metadata().causationId(),
          c.metadata().actor(),
          c.metadata().workflowId()
        }) {
      b.append(f.length()).append(':').append(f).append(';');
    }
    for (StoredEvent e : c.events()) {
      for (String f :
          new String[] {
            Long.toString(e.version()),
            e.eventId(),
            e.type(),
            Integer.toString(e.schemaVersion()),
            e.occurredAt().toString(),
            e.data()
          }) {
        b.append(f.length()).append(':').append(f).append(';');
      }
    }
    b.append(c.prevHash().length()).append(':').append(c.prevHash()).append(';');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
