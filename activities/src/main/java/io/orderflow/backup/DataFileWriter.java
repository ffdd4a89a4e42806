package io.orderflow.backup;

import io.orderflow.recovery.backup.ExportedFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes one gzipped data file of {@code {"Item":...}} lines into a local file and computes, as it
 * goes, the SHA-256 of the bytes written, so the manifest's checksum is the stored file's. The
 * store decides where the local file is (in place, or a staging file it uploads on {@link
 * #finish()}).
 */
public final class DataFileWriter implements AutoCloseable {

  /** What the store does with the local file once it is complete, or abandoned. */
  interface Destination {
    /** Makes the finished file visible under its path (an upload, or nothing in place). */
    void store(Path written, ExportedFile described);

    /** The file will never be finished (a crash or a stop mid-way). */
    void abandon(Path written);
  }

  private final Path file;
  private final String relativePath;
  private final Destination destination;
  private final MessageDigest sha256;
  private final CountingStream counted;
  private final BufferedWriter out;
  private long items;
  private boolean closed;
  private boolean finished;

  DataFileWriter(Path file, String relativePath, Destination destination) {
    this.file = file;
    this.relativePath = relativePath;
    this.destination = destination;
    try {
      Files.createDirectories(file.getParent());
      sha256 = MessageDigest.getInstance("SHA-256");
      counted = new CountingStream(Files.newOutputStream(file));
      out =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(new DigestOutputStream(counted, sha256)),
                  StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends one item as an export line. */
  public void write(Map<String, AttributeValue> item) {
    writeLine(DynamoDbJson.line(item));
  }

  /** A line that is not an item (the orders index uses the same gzip and checksum). */
  void writeRaw(com.fasterxml.jackson.databind.JsonNode line) {
    writeLine(line.toString());
  }

  private void writeLine(String line) {
    try {
      out.write(line);
      out.write('\n');
      items++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines written so far. */
  public long items() {
    return items;
  }

  /** Closes the file, stores it under its path and describes it for the manifest. */
  public ExportedFile finish() {
    closeStream();
    ExportedFile described =
        new ExportedFile(
            relativePath, items, HexFormat.of().formatHex(sha256.digest()), counted.count);
    destination.store(file, described);
    finished = true;
    return described;
  }

  /** Closes the file; unless {@link #finish()} came first, the file is abandoned. */
  @Override
  public void close() {
    closeStream();
    if (!finished) {
      finished = true; // abandon once
      destination.abandon(file);
    }
  }

  private void closeStream() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
