package io.onair.streaming.media.manifest.dash;

import io.onair.streaming.media.manifest.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code S} element of a SegmentTimeline (ISO/IEC 23009-1 5.3.9.6): {@code repeat + 1}
 * back-to-back segments of duration {@code duration} starting at {@code start}.
 *
 * @param explicitStart whether {@code @t} must be written: on the first run, where DASH-IF
 *     guidelines require it, and after a gap, where the start does not follow from the run before
 */
record TimelineRun(long start, long duration, int repeat, boolean explicitStart) {

  /** Segments compressed into runs of equal duration without gaps. */
  static List<TimelineRun> of(List<Segment> segments) {
    List<TimelineRun> runs = new ArrayList<>();
    TimelineRun current = null;
    for (Segment s : segments) {
      if (current != null && s.duration() == current.duration && s.startTime() == current.end()) {
        current =
            new TimelineRun(
                current.start, current.duration, current.repeat + 1, current.explicitStart);
      } else {
        if (current != null) {
          runs.add(current);
        }
        boolean gap = current == null || s.startTime() != current.end();
        current = new TimelineRun(s.startTime(), s.duration(), 0, gap);
      }
    }
    if (current != null) {
      runs.add(current);
    }
    return runs;
  }

  /** Where the run ends: the start of the segment after it. */
  long end() {
    return start + duration * (repeat + 1L);
  }
}
