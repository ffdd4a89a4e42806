package io.orderflow.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** File checksums as manifests state them: SHA-256 in hex (ours), MD5 in base64 (AWS exports). */
public final class Checksums {
  private Checksums() {}

  public static String sha256Hex(Path file) {
    return HexFormat.of().formatHex(digest(file, "SHA-256"));
  }

  public static String md5Base64(Path file) {
    return Base64.getEncoder().encodeToString(digest(file, "MD5"));
  }

  /** The SHA-256 of a stream's remaining bytes, in hex; the caller closes the stream. */
  public static String sha256Hex(InputStream in) throws IOException {
    return HexFormat.of().formatHex(digest(in, "SHA-256"));
  }

  /** The MD5 of a stream's remaining bytes, in base64; the caller closes the stream. */
  public static String md5Base64(InputStream in) throws IOException {
    return Base64.getEncoder().encodeToString(digest(in, "MD5"));
  }

  /** A hex checksum (ours) in base64, as S3's checksum headers carry it. */
  static String hexToBase64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private static byte[] digest(Path file, String algorithm) {
    try (InputStream in = Files.newInputStream(file)) {
      return digest(in, algorithm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] digest(InputStream in, String algorithm) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
