package io.onair.streaming.media.manifest;

import java.util.Objects;

/** One CMAF track of a broadcast: a rendition's video or audio. */
public record TrackRef(String rendition, TrackKind kind) {

  public TrackRef {
    if (rendition == null || !Rendition.isValidName(rendition)) {
      throw new IllegalArgumentException("invalid rendition name '" + rendition + "'");
    }
    Objects.requireNonNull(kind, "kind");
  }

  public static TrackRef video(Rendition rendition) {
    return new TrackRef(rendition.name(), TrackKind.VIDEO);
  }

  public static TrackRef audio(Rendition rendition) {
    return new TrackRef(rendition.name(), TrackKind.AUDIO);
  }

  /** The track's directory relative to the presentation's base, e.g. {@code 720p/video}. */
  public String directory() {
    return rendition + "/" + kind.pathSegment();
  }
}
