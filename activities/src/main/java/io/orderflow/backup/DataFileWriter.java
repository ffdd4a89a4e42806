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
 * Writes one gzipped data file of {@code {"Item":...}} lines and computes, as it goes, the SHA-256
 * of the bytes that land on disk, so the manifest's checksum is the stored file's.
 */
final class DataFileWriter implements AutoCloseable {
  private final Path file;
  private final String relativePath;
  private final MessageDigest sha256;
  private final CountingStream counted;
  private final BufferedWriter out;
  private long items;

  DataFileWriter(Path root, String relativePath) {
    this.file = root.resolve(relativePath);
    this.relativePath = relativePath;
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

  void write(Map<String, AttributeValue> item) {
    try {
      out.write(DynamoDbJson.line(item));
      out.write('\n');
      items++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line that is not an item (the orders index uses the same gzip and checksum). */
  void writeRaw(com.fasterxml.jackson.databind.JsonNode line) {
    try {
      out.write(line.toString());
      out.write('\n');
      items++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long items() {
    return items;
  }

  /** Closes the file and describes it for the manifest. */
  ExportedFile finish() {
    close();
    return new ExportedFile(
        relativePath, items, HexFormat.of().formatHex(sha256.digest()), counted.count);
  }

  @Override
  public void close() {
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
