package io.onair.streaming.application;

import java.time.Instant;

/**
 * A newly issued viewer token with its secret, returned once and never stored: the only time the
 * secret exists outside the player it is pasted into.
 */
public record IssuedViewerToken(String secret, Instant expiresAt) {

  @Override
  public String toString() {
    return "IssuedViewerToken[secret=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
