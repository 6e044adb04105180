package io.onair.streaming.media.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the index knows about one track: its complete segments in order, the segment still being
 * written (live only), and whether the broadcast has ended. The segments may be all of them or only
 * the recent ones; the writers choose what to list.
 *
 * @param timescale units per second of every time and duration here (the track's {@code mdhd}
 *     timescale, ISO/IEC 14496-12 8.4.2)
 */
public record TrackTimeline(
    long timescale, List<Segment> segments, Optional<OpenSegment> open, boolean ended) {

  public TrackTimeline {
    if (timescale <= 0) {
      throw new IllegalArgumentException("timescale must be positive, was " + timescale);
    }
    segments = List.copyOf(segments);
    Objects.requireNonNull(open, "open");
    if (ended && open.isPresent()) {
      throw new IllegalArgumentException("an ended track has no open segment");
    }
    checkOrder(segments, open);
  }

  /** A live track: complete segments and, usually, the segment being written. */
  public static TrackTimeline live(long timescale, List<Segment> segments, OpenSegment open) {
    return new TrackTimeline(timescale, segments, Optional.ofNullable(open), false);
  }

  /** A track whose broadcast has ended. */
  public static TrackTimeline ended(long timescale, List<Segment> segments) {
    return new TrackTimeline(timescale, segments, Optional.empty(), true);
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  public Optional<Segment> last() {
    return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
  }

  /** Number of the next segment to complete: the open one, or the one after the last. */
  public long nextNumber() {
    return open.map(OpenSegment::number)
        .orElseGet(() -> last().map(s -> s.number() + 1).orElse(0L));
  }

  /**
   * The newest complete segments whose durations add up to at least {@code units} (all of them if
   * they do not): a live window.
   */
  public List<Segment> newest(long units) {
    long covered = 0;
    int first = segments.size();
    while (first > 0 && covered < units) {
      first--;
      covered += segments.get(first).duration();
    }
    return segments.subList(first, segments.size());
  }

  /** {@code duration} in this track's timescale, rounded down. */
  public long units(Duration duration) {
    return Math.multiplyExact(duration.toMillis(), timescale) / 1000;
  }

  private static void checkOrder(List<Segment> segments, Optional<OpenSegment> open) {
    for (int i = 1; i < segments.size(); i++) {
      Segment before = segments.get(i - 1);
      Segment s = segments.get(i);
      if (s.number() != before.number() + 1 || s.startTime() < before.endTime()) {
        throw new IllegalArgumentException(
            "segment " + s.number() + " does not follow segment " + before.number());
      }
    }
    if (open.isPresent() && !segments.isEmpty()) {
      Segment before = segments.get(segments.size() - 1);
      if (open.get().number() != before.number() + 1 || open.get().startTime() < before.endTime()) {
        throw new IllegalArgumentException(
            "open segment " + open.get().number() + " does not follow " + before.number());
      }
    }
  }
}
