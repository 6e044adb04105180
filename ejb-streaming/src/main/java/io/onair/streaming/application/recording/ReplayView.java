package io.onair.streaming.application.recording;

import io.onair.streaming.domain.broadcast.Broadcast;
import java.time.Instant;

/**
 * An ended broadcast whose recording can be played, as callers outside the EJB layer see it.
 *
 * @param broadcastId what {@link ReplayService#timelines} and the segment store take
 */
public record ReplayView(long broadcastId, String channel, Instant startedAt, Instant endedAt) {

  static ReplayView of(Broadcast broadcast) {
    return new ReplayView(
        broadcast.id(),
        broadcast.channel().name().value(),
        broadcast.startedAt(),
        broadcast.endedAt());
  }
}
