package io.onair.streaming.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncoderMetadataTest {

  @Test
  void obsStyleDeclarationsAreReadInTheirUnits() {
    EncoderMetadata declared =
        new EncoderMetadata(
            Map.of(
                "width", 1280.0,
                "height", 720.0,
                "framerate", 29.97,
                "videodatarate", 2500.0,
                "audiodatarate", 160));
    assertThat(declared.width()).hasValue(1280);
    assertThat(declared.height()).hasValue(720);
    assertThat(declared.frameRate()).hasValue(29.97);
    assertThat(declared.exactFrameRate()).isEqualTo(new FrameRate(30000, 1001));
    assertThat(declared.videoBitsPerSecond()).hasValue(2_500_000);
    assertThat(declared.audioBitsPerSecond()).hasValue(160_000);
  }

  @Test
  void fpsStandsInForFramerate() {
    assertThat(new EncoderMetadata(Map.of("fps", 25)).frameRate()).hasValue(25);
  }

  @Test
  void missingZeroNegativeNullAndTextCountAsNotDeclared() {
    Map<String, Object> odd = new HashMap<>();
    odd.put("width", 0);
    odd.put("height", -720);
    odd.put("framerate", null);
    odd.put("videodatarate", "2500");
    EncoderMetadata declared = new EncoderMetadata(odd);
    assertThat(declared.width()).isEmpty();
    assertThat(declared.height()).isEmpty();
    assertThat(declared.frameRate()).isEmpty();
    assertThat(declared.exactFrameRate()).isEqualTo(EncoderMetadata.GUESSED_FRAME_RATE);
    assertThat(declared.videoBitsPerSecond()).isEmpty();
    assertThat(declared.audioBitsPerSecond()).isEmpty();
  }
}
