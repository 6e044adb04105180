package io.onair.streaming.application.transcoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.manifest.FrameRate;
import org.junit.jupiter.api.Test;

class TranscodingTapTest {

  @Test
  void declaredFrameRatesBecomeExactRatios() {
    assertThat(TranscodingTap.frameRate(30)).isEqualTo(FrameRate.of(30));
    assertThat(TranscodingTap.frameRate(29.97)).isEqualTo(new FrameRate(30000, 1001));
    assertThat(TranscodingTap.frameRate(29.97002997)).isEqualTo(new FrameRate(30000, 1001));
    assertThat(TranscodingTap.frameRate(59.94)).isEqualTo(new FrameRate(60000, 1001));
    assertThat(TranscodingTap.frameRate(23.976)).isEqualTo(new FrameRate(24000, 1001));
    assertThat(TranscodingTap.frameRate(25)).isEqualTo(FrameRate.of(25));
    assertThat(TranscodingTap.frameRate(60.0001)).isEqualTo(FrameRate.of(60));
    assertThat(TranscodingTap.frameRate(12.5)).isEqualTo(new FrameRate(12500, 1000));
  }
}
