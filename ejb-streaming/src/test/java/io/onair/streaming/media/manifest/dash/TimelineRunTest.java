package io.onair.streaming.media.manifest.dash;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineRunTest {

  private static Segment segment(long number, long start, long duration) {
    return new Segment(number, start, duration, TrackFixture.T0, 1, List.of());
  }

  @Test
  void equalBackToBackSegmentsBecomeOneRunWithItsStart() {
    assertThat(TimelineRun.of(TrackFixture.video30().segments(15, 60)))
        .containsExactly(new TimelineRun(2_700_000, 180_000, 59, true));
  }

  @Test
  void aChangeOfDurationStartsARunWhoseStartFollowsFromTheOneBefore() {
    List<Segment> segments =
        List.of(
            segment(0, 0, 100), segment(1, 100, 100), segment(2, 200, 90), segment(3, 290, 100));
    assertThat(TimelineRun.of(segments))
        .containsExactly(
            new TimelineRun(0, 100, 1, true),
            new TimelineRun(200, 90, 0, false),
            new TimelineRun(290, 100, 0, false));
  }

  @Test
  void aGapStartsARunWithAnExplicitStartEvenAtEqualDuration() {
    List<Segment> segments =
        List.of(
            segment(0, 0, 100), segment(1, 100, 100), segment(2, 250, 100), segment(3, 350, 100));
    assertThat(TimelineRun.of(segments))
        .containsExactly(new TimelineRun(0, 100, 1, true), new TimelineRun(250, 100, 1, true));
  }

  @Test
  void aacSegmentsOfAlternatingFrameCountsCompressIntoShortRuns() {
    List<TimelineRun> runs = TimelineRun.of(TrackFixture.aac48k().segments(0, 8));
    // 93.75 frames a segment: 93, 94, 94, 94, 93, 94, 94, 94 frames of 1024 samples
    assertThat(runs)
        .containsExactly(
            new TimelineRun(0, 95_232, 0, true),
            new TimelineRun(95_232, 96_256, 2, false),
            new TimelineRun(384_000, 95_232, 0, false),
            new TimelineRun(479_232, 96_256, 2, false));
  }

  @Test
  void runsExpandBackToTheSegments() {
    List<Segment> segments = TrackFixture.aac48k().segments(3, 41);
    List<long[]> expanded = new ArrayList<>();
    for (TimelineRun run : TimelineRun.of(segments)) {
      for (int i = 0; i <= run.repeat(); i++) {
        expanded.add(new long[] {run.start() + i * run.duration(), run.duration()});
      }
    }
    assertThat(expanded).hasSameSizeAs(segments);
    for (int i = 0; i < segments.size(); i++) {
      assertThat(expanded.get(i))
          .containsExactly(segments.get(i).startTime(), segments.get(i).duration());
    }
  }

  @Test
  void noSegmentsNoRuns() {
    assertThat(TimelineRun.of(List.of())).isEmpty();
  }
}
