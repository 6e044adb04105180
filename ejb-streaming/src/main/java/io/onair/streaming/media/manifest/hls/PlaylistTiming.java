package io.onair.streaming.media.manifest.hls;

import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.Part;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.util.stream.Stream;

/**
 * The durations a media playlist declares, derived so that every segment and part it lists obeys
 * them as printed.
 *
 * <p>TARGETDURATION: RFC 8216 4.3.3.1 (rfc8216bis 4.4.3.1) requires each EXTINF, rounded to the
 * nearest integer, to be at most the target duration. It is the configured maximum segment duration
 * rounded half up, raised to the longest segment of the timeline if the packager ever exceeded it:
 * a playlist that contradicts its own target is invalid, while the configured floor keeps the value
 * constant as the window slides (clients time reloads by it, RFC 8216 6.3.4).
 *
 * <p>PART-TARGET: rfc8216bis 4.4.4.9 requires each part to be at most the Part Target Duration; the
 * same floor-and-raise rule applies. PART-HOLD-BACK is three times it: rfc8216bis 4.4.3.8 requires
 * at least twice and recommends at least three times.
 *
 * @param timescale of the track, to convert the thresholds below
 */
record PlaylistTiming(long timescale, long targetDurationSeconds, long partTargetMillis) {

  static PlaylistTiming of(TrackTimeline timeline, LiveSettings settings) {
    long ts = timeline.timescale();
    long longestSegment =
        timeline.segments().stream().mapToLong(s -> Millis.of(s.duration(), ts)).max().orElse(0);
    long target =
        Math.max(
            Millis.roundedSeconds(Millis.of(settings.maxSegmentDuration())),
            Millis.roundedSeconds(longestSegment));
    long longestPart =
        Stream.concat(
                timeline.segments().stream().flatMap(s -> s.parts().stream()),
                timeline.open().stream().flatMap(o -> o.parts().stream()))
            .mapToLong(p -> Millis.of(p.duration(), ts))
            .max()
            .orElse(0);
    long partTarget = Math.max(Millis.of(settings.partTarget()), longestPart);
    return new PlaylistTiming(ts, Math.max(1, target), partTarget);
  }

  long partHoldBackMillis() {
    return 3 * partTargetMillis;
  }

  /** The target duration in the track's timescale. */
  long targetDuration() {
    return targetDurationSeconds * timescale;
  }

  /** Where the playlist ends: after the open segment's last part, else after the last segment. */
  static long end(TrackTimeline timeline) {
    long afterSegments = timeline.last().map(Segment::endTime).orElse(0L);
    return timeline
        .open()
        .map(o -> o.startTime() + o.parts().stream().mapToLong(Part::duration).sum())
        .orElse(afterSegments);
  }
}
