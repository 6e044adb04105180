package io.onair.streaming.media.manifest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of {@link MediaPath}: the inverse of {@link MediaPath#path()}, nothing more lenient. */
final class MediaPathSyntax {

  private static final Pattern TRACK_FILE = Pattern.compile("([^/]+)/([^/]+)/([^/]+)");
  private static final Pattern NUMBERED =
      Pattern.compile("(0|[1-9][0-9]{0,17})(?:\\.(0|[1-9][0-9]{0,8}))?\\.m4s");

  private MediaPathSyntax() {}

  static Optional<MediaPath> parse(String path) {
    if (path == null) {
      return Optional.empty();
    }
    if (path.equals(MediaPath.Multivariant.PATH)) {
      return Optional.of(new MediaPath.Multivariant());
    }
    if (path.equals(MediaPath.Mpd.PATH)) {
      return Optional.of(new MediaPath.Mpd());
    }
    Matcher m = TRACK_FILE.matcher(path);
    if (!m.matches() || !Rendition.isValidName(m.group(1))) {
      return Optional.empty();
    }
    return TrackKind.fromPathSegment(m.group(2))
        .flatMap(kind -> trackFile(new TrackRef(m.group(1), kind), m.group(3)));
  }

  private static Optional<MediaPath> trackFile(TrackRef track, String name) {
    if (name.equals(MediaPath.TrackPlaylist.NAME)) {
      return Optional.of(new MediaPath.TrackPlaylist(track));
    }
    if (name.equals(MediaPath.Init.NAME)) {
      return Optional.of(new MediaPath.Init(track));
    }
    Matcher m = NUMBERED.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(m.group(1));
    return Optional.of(
        m.group(2) == null
            ? new MediaPath.SegmentFile(track, number)
            : new MediaPath.PartFile(track, number, Integer.parseInt(m.group(2))));
  }
}
