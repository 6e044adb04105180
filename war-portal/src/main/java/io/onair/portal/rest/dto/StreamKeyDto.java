package io.onair.portal.rest.dto;

import io.onair.streaming.application.StreamKeyView;
import java.time.Instant;

/** A stream key without its secret. */
public record StreamKeyDto(
    long id, String channel, String hint, Instant createdAt, Instant revokedAt) {

  public static StreamKeyDto of(StreamKeyView view) {
    return new StreamKeyDto(
        view.id(), view.channel(), view.hint(), view.createdAt(), view.revokedAt());
  }
}
