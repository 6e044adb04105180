package io.onair.rtmp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamTimelineTest {

  private static final long WRAP = 1L << 32;

  private final StreamTimeline timeline = new StreamTimeline();

  @Test
  void timestampsBelowTheWrapPassUnchanged() {
    assertThat(timeline.extend(0)).isZero();
    assertThat(timeline.extend(40)).isEqualTo(40);
    assertThat(timeline.extend(25)).as("a little back, audio after video").isEqualTo(25);
    assertThat(timeline.extend(0x7FFF_0000L)).isEqualTo(0x7FFF_0000L);
    assertThat(timeline.extend(0xC000_0000L)).isEqualTo(0xC000_0000L);
    assertThat(timeline.extend(0xFFFF_FFFEL)).isEqualTo(0xFFFF_FFFEL);
  }

  @Test
  void aStepOfMoreThanHalfTheRangeDownIsAWrapForward() {
    timeline.extend(0xFFFF_FF00L);
    assertThat(timeline.extend(0x20)).isEqualTo(WRAP + 0x20);
    assertThat(timeline.extend(0x8000_0000L)).isEqualTo(WRAP + 0x8000_0000L);
    assertThat(timeline.extend(0xF000_0000L)).isEqualTo(WRAP + 0xF000_0000L);
    assertThat(timeline.extend(0x10)).as("a second wrap").isEqualTo(2 * WRAP + 0x10);
  }

  @Test
  void aMessageFromBeforeTheWrapArrivingAfterItStaysBeforeIt() {
    timeline.extend(0xFFFF_FFF0L);
    timeline.extend(0x05);
    assertThat(timeline.extend(0xFFFF_FFFAL)).isEqualTo(0xFFFF_FFFAL);
    assertThat(timeline.extend(0x0A)).as("the wrap is counted once").isEqualTo(WRAP + 0x0A);
  }

  @Test
  void aRestartForgetsTheWraps() {
    timeline.extend(0xFFFF_FFF0L);
    timeline.extend(0x05);
    timeline.restart();
    assertThat(timeline.extend(0xFFFF_0000L)).isEqualTo(0xFFFF_0000L);
  }
}
