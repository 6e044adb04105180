package io.onair.streaming.media.manifest;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rung of a broadcast's ladder ("source", "720p", ...): a CMAF video track and a CMAF audio
 * track packaged side by side.
 *
 * @param name the rendition's name; it is a path segment of every URL of its tracks, so it is
 *     restricted to lower-case letters, digits and inner hyphens (no dots: {@link MediaPath} splits
 *     file names on dots)
 */
public record Rendition(String name, VideoTrack video, AudioTrack audio) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

  public Rendition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid rendition name '" + name + "'");
    }
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(audio, "audio");
  }

  /** Whether {@code name} may name a rendition; the transcoder checks its rungs' names with it. */
  public static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }
}
