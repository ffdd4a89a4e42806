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

  private static byte[] digest(Path file, String algorithm) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return digest.digest();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
