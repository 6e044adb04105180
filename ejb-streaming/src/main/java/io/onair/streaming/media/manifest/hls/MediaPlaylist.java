package io.onair.streaming.media.manifest.hls;

import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.OpenSegment;
import io.onair.streaming.media.manifest.Part;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.UtcTimestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The media playlist of one CMAF track (RFC 8216 4.3.3, 4.3.2; LL-HLS tags of
 * draft-pantos-hls-rfc8216bis 4.4.3.7, 4.4.3.8, 4.4.4.9, 4.4.5.3).
 *
 * <ul>
 *   <li>{@link Playback#LIVE_WINDOW}: the newest segments covering the live window, no playlist
 *       type (a sliding window, RFC 8216 6.2.2).
 *   <li>{@link Playback#FROM_START}: every segment, EXT-X-PLAYLIST-TYPE:EVENT (only appended to,
 *       RFC 8216 4.3.3.5) and EXT-X-START:TIME-OFFSET=0 so players begin at the first segment
 *       instead of near the live edge (RFC 8216 4.3.5.2).
 *   <li>{@link Playback#REPLAY}: every segment of an ended broadcast, EXT-X-PLAYLIST-TYPE:VOD.
 * </ul>
 *
 * <p>While the broadcast is live the playlist is low-latency: EXT-X-SERVER-CONTROL, EXT-X-PART-INF,
 * the parts of the recent segments and of the open one, an EXT-X-PRELOAD-HINT for the next part,
 * and the EXT-X-RENDITION-REPORTs it is given. Once it has ended the playlist ends with
 * EXT-X-ENDLIST and carries none of those: every segment is complete, nothing will be added, and a
 * client must not block on it.
 *
 * <p>EXT-X-VERSION is 6: EXT-X-MAP outside an I-frame playlist needs 6 (RFC 8216 7), decimal EXTINF
 * needs 3. The LL-HLS tags need no version; only delta updates (EXT-X-SKIP, version 9) would, and
 * we do not offer them (no CAN-SKIP-UNTIL).
 *
 * <p>EXT-X-PROGRAM-DATE-TIME precedes every segment, not only the first. The index records each
 * segment's wall-clock start, so stating it is exact, whereas a date derived from the first one
 * plus millisecond-rounded EXTINF values drifts over a long event playlist; it also lets players
 * map any segment of a sliding window to wall-clock time on their first load. The cost, about 45
 * bytes a segment, is small next to the segment lines themselves.
 */
public final class MediaPlaylist {

  private static final int VERSION = 6;

  private final LiveSettings settings;

  public MediaPlaylist(LiveSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The playlist of {@code timeline} for {@code playback}. URIs are relative to the playlist, which
   * lives at {@link MediaPath.TrackPlaylist} of its track.
   *
   * @throws IllegalStateException when the track has no complete segment yet, or a replay is asked
   *     of a broadcast that has not ended
   */
  public String write(TrackTimeline timeline, Playback playback) {
    return write(timeline, playback, List.of());
  }

  /**
   * The playlist with a rendition report for each other rendition of the track's type (the other
   * video renditions of the ladder, or the other audio renditions), written while live only.
   */
  public String write(TrackTimeline timeline, Playback playback, List<RenditionReport> reports) {
    if (timeline.isEmpty()) {
      throw new IllegalStateException("no complete segment yet");
    }
    if (playback == Playback.REPLAY && !timeline.ended()) {
      throw new IllegalStateException("a replay needs an ended broadcast");
    }
    PlaylistTiming timing = PlaylistTiming.of(timeline, settings);
    List<Segment> listed =
        playback == Playback.LIVE_WINDOW ? window(timeline, timing) : timeline.segments();
    boolean lowLatency = !timeline.ended();
    StringBuilder out = new StringBuilder(64 * (listed.size() + 8));
    header(out, listed.get(0).number(), playback, timing, lowLatency);
    // rfc8216bis 4.4.4.9: parts SHOULD go once they are more than three target durations from
    // the end of the playlist. A segment keeps all its parts or none, so a client never sees
    // a segment whose first parts are missing.
    long partsFrom = PlaylistTiming.end(timeline) - 3 * timing.targetDuration();
    for (Segment s : listed) {
      boolean withParts = lowLatency && s.startTime() >= partsFrom;
      segment(out, s, withParts ? s.parts() : List.of(), timeline.timescale());
    }
    if (lowLatency) {
      timeline.open().ifPresent(open -> openSegment(out, open, timeline.timescale()));
      preloadHint(out, timeline);
      reports.forEach(report -> renditionReport(out, report));
    } else {
      out.append("#EXT-X-ENDLIST\n");
    }
    return out.toString();
  }

  /**
   * The newest segments whose durations add up to the live window. Never less than three target
   * durations: RFC 8216 6.2.2 forbids a live playlist shorter than that.
   */
  private List<Segment> window(TrackTimeline timeline, PlaylistTiming timing) {
    return timeline.newest(
        Math.max(timeline.units(settings.window()), 3 * timing.targetDuration()));
  }

  private static void header(
      StringBuilder out,
      long mediaSequence,
      Playback playback,
      PlaylistTiming timing,
      boolean lowLatency) {
    out.append("#EXTM3U\n");
    out.append("#EXT-X-VERSION:").append(VERSION).append('\n');
    out.append("#EXT-X-TARGETDURATION:").append(timing.targetDurationSeconds()).append('\n');
    out.append("#EXT-X-MEDIA-SEQUENCE:").append(mediaSequence).append('\n');
    switch (playback) {
      case FROM_START -> out.append("#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-START:TIME-OFFSET=0\n");
      case REPLAY -> out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
      case LIVE_WINDOW -> {}
    }
    if (lowLatency) {
      out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=")
          .append(Millis.decimal3(timing.partHoldBackMillis()))
          .append('\n');
      out.append("#EXT-X-PART-INF:PART-TARGET=")
          .append(Millis.decimal3(timing.partTargetMillis()))
          .append('\n');
    }
    out.append("#EXT-X-MAP:URI=\"").append(MediaPath.initFileName()).append("\"\n");
  }

  private static void segment(StringBuilder out, Segment s, List<Part> parts, long timescale) {
    programDateTime(out, s.programDateTime());
    parts(out, s.number(), parts, timescale);
    out.append("#EXTINF:")
        .append(Millis.decimal3(Millis.of(s.duration(), timescale)))
        .append(",\n");
    out.append(MediaPath.segmentFileName(s.number())).append('\n');
  }

  private static void openSegment(StringBuilder out, OpenSegment open, long timescale) {
    if (!open.parts().isEmpty()) {
      programDateTime(out, open.programDateTime());
      parts(out, open.number(), open.parts(), timescale);
    }
  }

  private static void programDateTime(StringBuilder out, Instant at) {
    out.append("#EXT-X-PROGRAM-DATE-TIME:").append(UtcTimestamp.format(at)).append('\n');
  }

  private static void parts(StringBuilder out, long number, List<Part> parts, long timescale) {
    for (Part p : parts) {
      out.append("#EXT-X-PART:DURATION=")
          .append(Millis.decimal3(Millis.of(p.duration(), timescale)))
          .append(",URI=\"")
          .append(MediaPath.partFileName(number, p.index()))
          .append('"');
      if (p.independent()) {
        out.append(",INDEPENDENT=YES");
      }
      out.append('\n');
    }
  }

  /**
   * The part the packager writes next (rfc8216bis 4.4.5.3), so a client can request it before it
   * exists and delivery can answer the moment it does.
   */
  private static void preloadHint(StringBuilder out, TrackTimeline timeline) {
    long number = timeline.nextNumber();
    int index = timeline.open().map(o -> o.parts().size()).orElse(0);
    out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"")
        .append(MediaPath.partFileName(number, index))
        .append("\"\n");
  }

  /**
   * Every track playlist sits two directories below the presentation's base ({@link
   * MediaPath.TrackPlaylist}), so a sibling's URI is "../../" and its path.
   */
  private static void renditionReport(StringBuilder out, RenditionReport report) {
    out.append("#EXT-X-RENDITION-REPORT:URI=\"../../")
        .append(new MediaPath.TrackPlaylist(report.track()).path())
        .append("\",LAST-MSN=")
        .append(report.lastMsn());
    report.lastPart().ifPresent(part -> out.append(",LAST-PART=").append(part));
    out.append('\n');
  }
}
