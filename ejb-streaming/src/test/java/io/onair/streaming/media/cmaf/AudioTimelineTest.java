package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioTimelineTest {

  private static final TrackFormat.Aac AAC_44100 = TrackFormat.aac(AnnotatedHex.parse("12 08"));

  @Test
  void millisecondStampsOf44100HzFramesBecomeExact1024SampleSteps() {
    AudioTimeline timeline = new AudioTimeline(AAC_44100);
    List<Long> times = new ArrayList<>();
    for (int frame = 0; frame < 5; frame++) {
      times.add(timeline.decodeTime(Math.round(frame * 1024 * 1000.0 / 44100))); // 0 23 46 70 93
    }
    assertThat(times).containsExactly(0L, 1024L, 2048L, 3072L, 4096L);
  }

  @Test
  void aGapOfMoreThanHalfAFrameRestartsTheCount() {
    AudioTimeline timeline = new AudioTimeline(AAC_44100);
    timeline.decodeTime(1000);
    assertThat(timeline.decodeTime(1023)).isEqualTo(44100 + 1024);
    assertThat(timeline.decodeTime(2000)).isEqualTo(88200); // a second of silence
  }

  @Test
  void aStampBehindTheCountIsNotFollowedBackwards() {
    AudioTimeline timeline = new AudioTimeline(AAC_44100);
    timeline.decodeTime(1000);
    assertThat(timeline.decodeTime(990)).isEqualTo(44100 + 1024);
  }
}
