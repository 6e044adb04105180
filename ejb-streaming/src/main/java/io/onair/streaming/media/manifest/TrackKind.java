package io.onair.streaming.media.manifest;

import java.util.Optional;

/** The two CMAF tracks of a rendition; the name is its directory in every URL. */
public enum TrackKind {
  VIDEO("video"),
  AUDIO("audio");

  private final String pathSegment;

  TrackKind(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  public String pathSegment() {
    return pathSegment;
  }

  static Optional<TrackKind> fromPathSegment(String segment) {
    for (TrackKind kind : values()) {
      if (kind.pathSegment.equals(segment)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
