package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AudioSpecificConfig bit strings (ISO/IEC 14496-3 1.6.2.1), field by field. */
class AudioSpecificConfigTest {

  /** name, annotated bits as hex, object type, rate, channels, samples per frame, SBR rate. */
  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(
            "AAC LC 44.1 kHz mono (ffmpeg, OBS)",
            "12 08  # 00010 aot 2 | 0100 index 4 | 0001 mono | 0 1024 | 0 0",
            2,
            44100,
            1,
            1024,
            0),
        Arguments.of(
            "AAC LC 48 kHz stereo",
            "11 90  # 00010 | 0011 index 3 | 0010 stereo | 000",
            2,
            48000,
            2,
            1024,
            0),
        Arguments.of(
            "ffmpeg's AAC LC with the backward-compatible SBR sync extension after it",
            "12 08 56 e5 00  # 2b7 syncExtensionType, sbrPresentFlag 0: not read",
            2,
            44100,
            1,
            1024,
            0),
        Arguments.of(
            "explicit frequency: index 15 and 24 bits of 37800 Hz",
            "17 80 49 d4 10  # 00010 | 1111 | 0000 0000 1001 0011 1010 1000 | 0010 | 000",
            2,
            37800,
            2,
            1024,
            0),
        Arguments.of(
            "960-sample frames (frameLengthFlag 1)",
            "12 0c  # 00010 | 0100 | 0001 | 1 960",
            2,
            44100,
            1,
            960,
            0),
        Arguments.of(
            "explicit HE-AAC: SBR 5, core 24 kHz, output 48 kHz, core AAC LC",
            "2b 11 88 00  # 00101 | 0110 index 6 | 0010 | 0011 ext index 3 | 00010 | 000",
            5,
            24000,
            2,
            1024,
            48000),
        Arguments.of(
            "explicit HE-AAC v2: PS 29, core 24 kHz, output 48 kHz, mono",
            "eb 09 88 00  # 11101 | 0110 index 6 | 0001 | 0011 ext index 3 | 00010 | 000",
            29,
            24000,
            1,
            1024,
            48000),
        Arguments.of(
            "object type escape: 31 then 6 bits, 32 + 10 = 42 (USAC)",
            "f9 46 40  # 11111 | 001010 | 0011 | 0010",
            42,
            48000,
            2,
            1024,
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void readsTheFields(
      String name, String hex, int type, int rate, int channels, int frame, int sbrRate) {
    AudioSpecificConfig config = AudioSpecificConfig.parse(AnnotatedHex.parse(hex));
    assertThat(config).isEqualTo(new AudioSpecificConfig(type, rate, channels, frame, sbrRate));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyTruncationBeforeTheLastFieldIsAnErrorNamingIt(String name, String hex) {
    byte[] config = AnnotatedHex.parse(hex);
    for (int length = 0; length < Math.min(config.length, 2); length++) {
      byte[] cut = Arrays.copyOf(config, length);
      assertThatThrownBy(() -> AudioSpecificConfig.parse(cut))
          .isInstanceOf(MediaFormatException.class)
          .hasMessageContaining("ends before it");
    }
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "16 88", "AudioSpecificConfig samplingFrequencyIndex 13: 13 and 14 are reserved"),
        Arguments.of("12 00", "AudioSpecificConfig channelConfiguration 0: must be 1 to 7"),
        Arguments.of(
            "17 80 00 00 10", "AudioSpecificConfig samplingFrequency 0: must be positive"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void refusesValuesItCannotPackage(String hex, String message) {
    assertThatThrownBy(() -> AudioSpecificConfig.parse(AnnotatedHex.parse(hex)))
        .isInstanceOf(MediaFormatException.class)
        .hasMessage(message);
  }
}
