package io.onair.streaming.domain.viewertoken;

import io.onair.streaming.domain.BearerSecret;
import java.util.regex.Pattern;

/**
 * A viewer token in clear: a {@link BearerSecret} behind a {@code vt_} prefix. It exists only
 * between issuing it and showing it once, and when a player presents it; the database sees only
 * {@link #hash()}.
 */
public final class ViewerTokenSecret {

  private static final String PREFIX = "vt_";
  private static final Pattern FORMAT = Pattern.compile("vt_[A-Za-z0-9_-]{43}");

  private final BearerSecret secret;

  private ViewerTokenSecret(BearerSecret secret) {
    this.secret = secret;
  }

  public static ViewerTokenSecret generate() {
    return new ViewerTokenSecret(BearerSecret.generate(PREFIX));
  }

  /** A token as a player presented it; any string, including none. */
  public static ViewerTokenSecret presented(String value) {
    return new ViewerTokenSecret(BearerSecret.presented(value));
  }

  /**
   * Whether it has the shape of a token this server issues. Anything else (nothing, a stream key
   * pasted by mistake, a megabyte of junk) is refused without hashing it or asking the database.
   */
  public boolean isWellFormed() {
    return FORMAT.matcher(secret.reveal()).matches();
  }

  /** The lower-case hex SHA-256 of the token's UTF-8 bytes: what the database stores. */
  public String hash() {
    return secret.hash();
  }

  /** The token itself; call only to show it to its owner once. */
  public String reveal() {
    return secret.reveal();
  }

  /** Only the prefix: unlike stream keys, tokens are not listed, so no hint is worth leaking. */
  @Override
  public String toString() {
    return PREFIX + "…";
  }
}
