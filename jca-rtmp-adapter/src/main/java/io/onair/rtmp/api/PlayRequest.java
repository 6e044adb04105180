package io.onair.rtmp.api;

import java.util.Objects;

/**
 * A client asks to play a live channel: {@code rtmp://host/live/<channel>?token=<viewer token>}.
 *
 * @param sessionId the adapter's id of the RTMP connection, unique while the adapter runs
 * @param remoteAddress the client's address as {@code host:port}, for logs
 * @param application the RTMP application name from the connect command
 * @param channel the channel name the client asked for, without its query
 * @param viewerToken the {@code token} query parameter of the play name or of the connect URL;
 *     empty when the client sent none. A secret: never logged
 */
public record PlayRequest(
    String sessionId,
    String remoteAddress,
    String application,
    String channel,
    String viewerToken) {

  public PlayRequest {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(viewerToken, "viewerToken");
  }

  /** Leaves the token out: a record's default toString would print the secret into logs. */
  @Override
  public String toString() {
    return "PlayRequest[session="
        + sessionId
        + ", remote="
        + remoteAddress
        + ", app="
        + application
        + ", channel="
        + channel
        + ", token=<redacted>]";
  }
}
