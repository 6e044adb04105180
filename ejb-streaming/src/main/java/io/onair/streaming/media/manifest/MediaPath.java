package io.onair.streaming.media.manifest;

import java.util.Optional;

/**
 * The one naming scheme for every URL a player fetches, relative to the base of a presentation
 * (e.g. {@code /live/town-hall/} while live, the replay's base afterwards). The manifests write
 * these paths and delivery parses them back with {@link #parse}, so the two cannot disagree.
 *
 * <pre>
 * main.m3u8                    HLS multivariant playlist
 * manifest.mpd                 DASH MPD
 * 720p/video/index.m3u8        HLS media playlist of a track
 * 720p/video/init.mp4          CMAF header (EXT-X-MAP, SegmentTemplate@initialization)
 * 720p/video/41.m4s            media segment 41
 * 720p/video/41.3.m4s          part 3 (0-based) of segment 41 (LL-HLS EXT-X-PART)
 * </pre>
 *
 * <p>A track's media playlist sits in the track's directory, so inside it the segments are
 * referenced by {@link TrackFile#fileName()} alone (RFC 8216 4.1: relative URIs resolve against the
 * playlist's URI), which keeps long event playlists short. Paths name channels' renditions, never
 * stream keys. Numbers are written without leading zeros and parsing refuses them, so each resource
 * has exactly one URL (one cache entry).
 */
public sealed interface MediaPath {

  /** This path relative to the presentation's base. */
  String path();

  /** The resource {@code path} names, or empty when it is not one of ours. */
  static Optional<MediaPath> parse(String path) {
    return MediaPathSyntax.parse(path);
  }

  /** Name of the CMAF header's file within its track's directory. */
  static String initFileName() {
    return Init.NAME;
  }

  /** Name of segment {@code number}'s file within its track's directory. */
  static String segmentFileName(long number) {
    return number + ".m4s";
  }

  /** Name of part {@code part} of segment {@code number} within its track's directory. */
  static String partFileName(long number, int part) {
    return number + "." + part + ".m4s";
  }

  /** The HLS multivariant playlist. */
  record Multivariant() implements MediaPath {
    static final String PATH = "main.m3u8";

    @Override
    public String path() {
      return PATH;
    }
  }

  /** The DASH MPD. */
  record Mpd() implements MediaPath {
    static final String PATH = "manifest.mpd";

    @Override
    public String path() {
      return PATH;
    }
  }

  /** A file in a track's directory. */
  sealed interface TrackFile extends MediaPath {
    TrackRef track();

    /** The file's name within the track's directory. */
    String fileName();

    @Override
    default String path() {
      return track().directory() + "/" + fileName();
    }
  }

  /** The HLS media playlist of a track. */
  record TrackPlaylist(TrackRef track) implements TrackFile {
    static final String NAME = "index.m3u8";

    @Override
    public String fileName() {
      return NAME;
    }
  }

  /** The CMAF header of a track (ISO/IEC 23000-19 7.3.2.1). */
  record Init(TrackRef track) implements TrackFile {
    static final String NAME = "init.mp4";

    @Override
    public String fileName() {
      return NAME;
    }
  }

  /** A complete media segment. */
  record SegmentFile(TrackRef track, long number) implements TrackFile {
    public SegmentFile {
      if (number < 0) {
        throw new IllegalArgumentException("segment number must not be negative: " + number);
      }
    }

    @Override
    public String fileName() {
      return segmentFileName(number);
    }
  }

  /** One LL-HLS partial segment; {@code part} counts from 0 within its segment. */
  record PartFile(TrackRef track, long number, int part) implements TrackFile {
    public PartFile {
      if (number < 0 || part < 0) {
        throw new IllegalArgumentException(
            "negative segment or part number: " + number + "." + part);
      }
    }

    @Override
    public String fileName() {
      return partFileName(number, part);
    }
  }
}
