package io.onair.streaming.application;

import io.onair.streaming.domain.streamkey.StreamKey;
import java.time.Instant;

/** A stream key without its secret: what lists of keys show. */
public record StreamKeyView(
    long id, String channel, String hint, Instant createdAt, Instant revokedAt) {

  static StreamKeyView of(StreamKey key) {
    return new StreamKeyView(
        key.id(), key.channel().name().value(), key.hint(), key.createdAt(), key.revokedAt());
  }
}
