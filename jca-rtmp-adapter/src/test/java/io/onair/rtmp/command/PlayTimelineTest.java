package io.onair.rtmp.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayTimelineTest {

  @Test
  void timestampsPassUnchangedUntilANewTimeline() {
    PlayTimeline timeline = new PlayTimeline();
    assertThat(timeline.stamp(90_000, false)).isEqualTo(90_000);
    assertThat(timeline.stamp(90_033, false)).isEqualTo(90_033);
  }

  @Test
  void aNewTimelineContinuesFromTheLastTimestampSent() {
    PlayTimeline timeline = new PlayTimeline();
    timeline.stamp(90_000, false);
    assertThat(timeline.stamp(0, true)).isEqualTo(90_000);
    assertThat(timeline.stamp(33, false)).isEqualTo(90_033);
  }

  @Test
  void aNewTimelineFirstOfAllChangesNothing() {
    assertThat(new PlayTimeline().stamp(500, true)).isEqualTo(500);
  }

  @Test
  void shiftedTimestampsWrapAt32BitsLikeRtmpTimestamps() {
    PlayTimeline timeline = new PlayTimeline();
    timeline.stamp(0xFFFF_FFF0L, false);
    timeline.stamp(0, true);
    assertThat(timeline.stamp(32, false)).isEqualTo(0x10);
  }
}
