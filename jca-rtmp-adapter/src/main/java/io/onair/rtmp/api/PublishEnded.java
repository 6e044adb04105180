package io.onair.rtmp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted publish has ended.
 *
 * @param sessionId the adapter's id of the RTMP connection that published
 * @param broadcastId the broadcast the publish was accepted into
 * @param endedAt when the adapter saw the end (unpublish, disconnect or takeover)
 */
public record PublishEnded(String sessionId, long broadcastId, Instant endedAt) {
  public PublishEnded {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(endedAt, "endedAt");
  }
}
