package io.onair.streaming.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret whose holder is let in by presenting it (a stream key, a viewer token): 256 random bits,
 * URL-safe Base64 behind a short prefix so that secret scanners and people recognise what it is.
 * The database sees only {@link #hash()}.
 *
 * <p>A plain SHA-256 is the right hash here, unlike for passwords: the secret has 256 bits of
 * entropy, so there is nothing to brute-force, and the hash must be deterministic to find the
 * secret's row by it. The aggregates wrap this class in their own type, so that a stream key can
 * never be looked up where a viewer token is expected.
 */
public final class BearerSecret {

  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private BearerSecret(String value) {
    this.value = value;
  }

  /** A new secret: {@code prefix} followed by 43 URL-safe Base64 characters. */
  public static BearerSecret generate(String prefix) {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return new BearerSecret(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** A secret as a client presented it; any string, since it is only ever hashed and compared. */
  public static BearerSecret presented(String value) {
    return new BearerSecret(value == null ? "" : value);
  }

  /** The lower-case hex SHA-256 of the secret's UTF-8 bytes: what the database stores. */
  public String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The first {@code length} characters (fewer if the secret is shorter). */
  public String leading(int length) {
    return value.substring(0, Math.min(value.length(), length));
  }

  /** The secret itself; call only to show it to its owner once. */
  public String reveal() {
    return value;
  }

  /** Never the secret: instances end up in log statements and exception messages. */
  @Override
  public String toString() {
    return "<secret>";
  }
}
