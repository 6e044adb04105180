package io.onair.streaming.domain.streamkey;

import io.onair.streaming.domain.BearerSecret;

/**
 * A stream key in clear: a {@link BearerSecret} behind an {@code sk_} prefix. It exists only
 * between issuing it and showing it once, and when a client presents it; the database sees only
 * {@link #hash()}.
 */
public final class StreamKeySecret {

  private static final String PREFIX = "sk_";

  private final BearerSecret secret;

  private StreamKeySecret(BearerSecret secret) {
    this.secret = secret;
  }

  public static StreamKeySecret generate() {
    return new StreamKeySecret(BearerSecret.generate(PREFIX));
  }

  /** A key as a client presented it; any string, since it is only ever hashed and compared. */
  public static StreamKeySecret presented(String value) {
    return new StreamKeySecret(BearerSecret.presented(value));
  }

  /** The lower-case hex SHA-256 of the key's UTF-8 bytes: what the database stores. */
  public String hash() {
    return secret.hash();
  }

  /** A few leading characters, so that owners can tell their keys apart without the secret. */
  public String hint() {
    return secret.leading(PREFIX.length() + 4);
  }

  /** The key itself; call only to show it to its owner once. */
  public String reveal() {
    return secret.reveal();
  }

  @Override
  public String toString() {
    return hint() + "…";
  }
}
