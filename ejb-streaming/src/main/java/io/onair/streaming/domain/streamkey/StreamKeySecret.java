package io.onair.streaming.domain.streamkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A stream key in clear: 256 random bits, URL-safe Base64 behind a {@code sk_} prefix so that
 * secret scanners and people recognise it. It exists only between issuing it and showing it once,
 * and when a client presents it; the database sees only {@link #hash()}.
 *
 * <p>A plain SHA-256 is the right hash here, unlike for passwords: the key has 256 bits of entropy,
 * so there is nothing to brute-force, and the hash must be deterministic to find the key by it.
 */
public final class StreamKeySecret {

  private static final String PREFIX = "sk_";
  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private StreamKeySecret(String value) {
    this.value = value;
  }

  public static StreamKeySecret generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return new StreamKeySecret(
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** A key as a client presented it; any string, since it is only ever hashed and compared. */
  public static StreamKeySecret presented(String value) {
    return new StreamKeySecret(value == null ? "" : value);
  }

  /** The lower-case hex SHA-256 of the key's UTF-8 bytes: what the database stores. */
  public String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A few leading characters, so that owners can tell their keys apart without the secret. */
  public String hint() {
    return value.substring(0, Math.min(value.length(), PREFIX.length() + 4));
  }

  /** The key itself; call only to show it to its owner once. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return hint() + "…";
  }
}
