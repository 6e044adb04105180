package io.onair.launch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the ITs read in our HLS media playlists, whose segments are listed as {@code <n>.m4s}. */
final class MediaPlaylists {

  private static final Pattern SEGMENT = Pattern.compile("(?m)^(\\d+)\\.m4s$");

  private MediaPlaylists() {}

  /** The number of the last segment listed; -1 if none is. */
  static long lastSegment(String playlist) {
    Matcher segment = SEGMENT.matcher(playlist);
    long last = -1;
    while (segment.find()) {
      last = Long.parseLong(segment.group(1));
    }
    return last;
  }
}
