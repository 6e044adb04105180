package io.onair.portal.rest.dto;

import io.onair.streaming.application.IssuedStreamKey;
import java.time.Instant;

/** A new stream key, with its secret: the only response that ever carries one. */
public record IssuedKeyDto(long id, String channel, String key, Instant createdAt) {

  public static IssuedKeyDto of(IssuedStreamKey issued) {
    return new IssuedKeyDto(issued.id(), issued.channel(), issued.secret(), issued.createdAt());
  }
}
