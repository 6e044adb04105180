package io.onair.rtmp.api;

import java.util.Objects;

/**
 * A client asks to publish.
 *
 * @param sessionId the adapter's id of the RTMP connection, unique while the adapter runs
 * @param remoteAddress the client's address as {@code host:port}, for logs and lockouts
 * @param application the RTMP application name from the connect command (the {@code live} of {@code
 *     rtmp://host/live})
 * @param streamKey the secret the client presented as its publishing name; never logged
 */
public record PublishRequest(
    String sessionId, String remoteAddress, String application, String streamKey) {

  public PublishRequest {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(streamKey, "streamKey");
  }

  /** Leaves the stream key out: a record's default toString would print the secret into logs. */
  @Override
  public String toString() {
    return "PublishRequest[session="
        + sessionId
        + ", remote="
        + remoteAddress
        + ", app="
        + application
        + ", key=<redacted>]";
  }
}
