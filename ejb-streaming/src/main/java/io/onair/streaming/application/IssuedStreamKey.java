package io.onair.streaming.application;

import java.time.Instant;

/**
 * A newly issued stream key with its secret. This is the only time the secret exists outside the
 * encoder it is typed into: it is returned once and never stored.
 */
public record IssuedStreamKey(long id, String channel, String secret, Instant createdAt) {

  @Override
  public String toString() {
    return "IssuedStreamKey[id=" + id + ", channel=" + channel + ", secret=<redacted>]";
  }
}
