package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated configuration records: each parser returns a value or throws a {@link
 * MediaFormatException} naming a field, never an index or arithmetic error.
 */
class RandomConfigurationTest {

  @Test
  void randomSpsBytes() {
    fuzz(bytes -> AvcSequenceParameterSet.parse(bytes), "67 64 00 1f ac d9 40 50 05 bb 01 10");
  }

  @Test
  void randomAvcC() {
    fuzz(bytes -> TrackFormat.avc(bytes), TrackFormatTest.AVC_C);
  }

  @Test
  void randomHvcC() {
    fuzz(bytes -> new TrackFormat.Hevc(bytes, 320, 180), TrackFormatTest.HVC_C);
  }

  @Test
  void randomAudioSpecificConfig() {
    fuzz(bytes -> TrackFormat.aac(bytes), "2b 11 88 00");
  }

  /** 20000 inputs: half random, half the real record with a few bytes changed. */
  private static void fuzz(Consumer<byte[]> parser, String realRecord) {
    byte[] real = AnnotatedHex.parse(realRecord);
    for (long seed = 0; seed < 20_000; seed++) {
      Random random = new Random(seed);
      byte[] input;
      if (seed % 2 == 0) {
        input = new byte[random.nextInt(64)];
        random.nextBytes(input);
        if (input.length > 0) {
          input[0] = real[0]; // get past the first check more often
        }
      } else {
        input = real.clone();
        for (int i = 0; i < 3; i++) {
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
      }
      try {
        parser.accept(input);
      } catch (MediaFormatException expected) {
        assertThat(expected.field()).isNotBlank();
      }
    }
  }
}
