package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rung's own rules, whichever way it is made. */
class RungTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"720p", "a", "720x720", "low-latency-360", "x1234567890123456789012345678"})
  void takesRenditionNames(String name) {
    assertThat(Rung.of(name, 640, 360, 800_000).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "720P",
        "720p.hd",
        "720_p",
        "-720p",
        "720p-",
        "../720p",
        "a23456789012345678901234567890123"
      })
  void refusesWhatCannotNameARendition(String name) {
    assertThatThrownBy(() -> Rung.of(name, 640, 360, 800_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a rendition name");
  }

  @Test
  void sourceIsThePassthroughsName() {
    assertThatThrownBy(() -> Rung.of("source", 640, 360, 800_000))
        .hasMessageContaining("taken by the passthrough");
  }

  @Test
  void sidesAreEvenAndBitRatesPositiveWholeKilobits() {
    assertThatThrownBy(() -> Rung.of("360p", 641, 360, 800_000))
        .hasMessage(
            "rung 360p: width 641 must be even and from 2 to 8192 (4:2:0 chroma halves both"
                + " sides)");
    assertThatThrownBy(() -> Rung.of("360p", 640, 0, 800_000)).hasMessageContaining("height 0");
    assertThatThrownBy(() -> Rung.of("360p", 640, 360, -1))
        .hasMessage("rung 360p: video bit rate -1 must be positive whole kbit/s");
    assertThatThrownBy(() -> Rung.of("360p", 640, 360, 800_500))
        .hasMessageContaining("video bit rate 800500");
    assertThatThrownBy(
            () ->
                new Rung(
                    "360p",
                    640,
                    360,
                    800_000,
                    Optional.empty(),
                    X264Preset.VERYFAST,
                    X264Profile.MAIN,
                    0))
        .hasMessage("rung 360p: audio bit rate 0 must be positive whole kbit/s");
  }

  @Test
  void presetsAndProfilesByTheirX264Names() {
    assertThat(X264Preset.named("veryfast")).contains(X264Preset.VERYFAST);
    assertThat(X264Preset.named("VERYFAST")).isEmpty();
    assertThat(X264Profile.named("main")).contains(X264Profile.MAIN);
    assertThat(X264Profile.named("high444")).isEmpty();
  }
}
