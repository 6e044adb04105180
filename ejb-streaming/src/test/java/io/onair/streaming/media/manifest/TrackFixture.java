package io.onair.streaming.media.manifest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the timelines a packager would index: segments made of whole frames (so audio segments of
 * 1024-sample AAC frames alternate in length, as real ones do), each cut into parts, starting at
 * media time 0 at {@link #T0}.
 */
public record TrackFixture(
    long timescale,
    long frameDuration,
    long framesPerSegmentNum,
    long framesPerSegmentDen,
    int partsPerSegment,
    boolean everyPartIndependent) {

  public static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  /** 30 fps video at 90 kHz: 2 s segments of 60 frames in four 0.5 s parts. */
  public static TrackFixture video30() {
    return new TrackFixture(90_000, 3_000, 60, 1, 4, false);
  }

  /** 48 kHz AAC: 93.75 frames of 1024 samples per 2 s, so segments of 93 or 94 frames. */
  public static TrackFixture aac48k() {
    return new TrackFixture(48_000, 1_024, 375, 4, 4, true);
  }

  public long startOf(long number) {
    return startFrame(number) * frameDuration;
  }

  public Segment segment(long number) {
    long frames = startFrame(number + 1) - startFrame(number);
    return new Segment(
        number,
        startOf(number),
        frames * frameDuration,
        at(startOf(number)),
        frames * 1_000,
        parts(frames, partsPerSegment));
  }

  public List<Segment> segments(long first, long count) {
    List<Segment> segments = new ArrayList<>();
    for (long n = first; n < first + count; n++) {
      segments.add(segment(n));
    }
    return segments;
  }

  /** Segments 0 to {@code complete - 1} and segment {@code complete} open with some parts. */
  public TrackTimeline live(int complete, int openParts) {
    long frames = startFrame(complete + 1) - startFrame(complete);
    List<Part> parts = parts(frames, partsPerSegment).subList(0, openParts);
    OpenSegment open = new OpenSegment(complete, startOf(complete), at(startOf(complete)), parts);
    return TrackTimeline.live(timescale, segments(0, complete), open);
  }

  public TrackTimeline ended(int complete) {
    return TrackTimeline.ended(timescale, segments(0, complete));
  }

  public Instant at(long mediaTime) {
    return T0.plusNanos(mediaTime * 1_000_000_000L / timescale);
  }

  private long startFrame(long number) {
    return number * framesPerSegmentNum / framesPerSegmentDen;
  }

  private List<Part> parts(long frames, int count) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long partFrames = (i + 1) * frames / count - i * frames / count;
      parts.add(new Part(i, partFrames * frameDuration, everyPartIndependent || i == 0));
    }
    return parts;
  }
}
