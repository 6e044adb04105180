package io.onair.portal.rest.dto;

import io.onair.streaming.application.IssuedViewerToken;
import java.time.Instant;

/**
 * A new viewer token, with its secret, and where to play with it: {@code playUrlTemplate} is an
 * RTMP URL with {@code {channel}} standing for the channel's name.
 */
public record ViewerTokenDto(String token, Instant expiresAt, String playUrlTemplate) {

  public static ViewerTokenDto of(IssuedViewerToken issued, String playUrlTemplate) {
    return new ViewerTokenDto(issued.secret(), issued.expiresAt(), playUrlTemplate);
  }

  @Override
  public String toString() {
    return "ViewerTokenDto[token=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
