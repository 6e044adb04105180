package io.onair.rtmp.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded random and mutated inputs: each must decode or be refused with a ProtocolException, never
 * any other exception, under tight and roomy limits. What decodes must also encode, and encoding
 * what that decodes to must give the same bytes again.
 */
class RandomInputTest {

  private static final int INPUTS = 10_000;
  private static final AmfLimits TIGHT = new AmfLimits(4, 32, 8);
  private static final AmfLimits ROOMY = Amf0CodecTest.ROOMY;

  @ParameterizedTest
  @EnumSource(AmfFormat.class)
  void randomBytesDecodeOrAreRefused(AmfFormat format) {
    Random random = new Random(0x5EED_0000L + format.ordinal());
    int decoded = 0;
    for (int i = 0; i < INPUTS; i++) {
      byte[] input = new byte[random.nextInt(64)];
      for (int j = 0; j < input.length; j++) {
        // half the bytes from the marker range, so that inputs get past the first byte
        input[j] = (byte) (random.nextBoolean() ? random.nextInt(0x13) : random.nextInt(256));
      }
      decoded += decodesOrIsRefused(format, input);
    }
    assertThat(decoded).as("inputs that decoded, for the encoding check").isGreaterThan(100);
  }

  @ParameterizedTest
  @EnumSource(AmfFormat.class)
  void mutatedVectorsDecodeOrAreRefused(AmfFormat format) {
    Random random = new Random(0xF00D_0000L + format.ordinal());
    List<byte[]> vectors =
        format.vectors().stream().map(AmfVector::bytes).filter(b -> b.length < 4096).toList();
    int decoded = 0;
    for (int i = 0; i < INPUTS; i++) {
      byte[] input = vectors.get(random.nextInt(vectors.size()));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        input = mutate(input, random);
      }
      decoded += decodesOrIsRefused(format, input);
    }
    assertThat(decoded).as("inputs that decoded, for the encoding check").isGreaterThan(1_000);
  }

  private static byte[] mutate(byte[] input, Random random) {
    if (input.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(input.length);
    byte[] output;
    switch (random.nextInt(4)) {
      case 0 -> {
        output = input.clone();
        output[at] = (byte) random.nextInt(256);
      }
      case 1 -> output = Arrays.copyOf(input, at);
      case 2 -> {
        output = new byte[input.length + 1];
        System.arraycopy(input, 0, output, 0, at);
        output[at] = (byte) random.nextInt(256);
        System.arraycopy(input, at, output, at + 1, input.length - at);
      }
      default -> {
        output = new byte[input.length - 1];
        System.arraycopy(input, 0, output, 0, at);
        System.arraycopy(input, at + 1, output, at, input.length - at - 1);
      }
    }
    return output;
  }

  /** Counts the inputs that decoded, under either limits. */
  private static int decodesOrIsRefused(AmfFormat format, byte[] input) {
    int decoded = 0;
    for (AmfLimits limits : List.of(TIGHT, ROOMY)) {
      List<AmfValue> values;
      try {
        values = format.decoder(limits).decodeAll(ByteBuffer.wrap(input));
      } catch (ProtocolException refused) {
        assertThat(refused.getMessage()).isNotBlank();
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            format + " input " + HexFormat.of().formatHex(input) + " threw " + e, e);
      }
      encodesBackStably(format, values);
      decoded++;
    }
    return decoded;
  }

  /**
   * Encoding the decoded values gives bytes that decode and encode to the same bytes; AMF3 also
   * decodes to equal values (AMF0 cannot: an AMF3 integer goes back as a number).
   */
  private static void encodesBackStably(AmfFormat format, List<AmfValue> values) {
    byte[] encoded = format.encode(values);
    List<AmfValue> again = format.decoder(ROOMY).decodeAll(ByteBuffer.wrap(encoded));
    assertThat(format.encode(again)).isEqualTo(encoded);
    if (format == AmfFormat.AMF3) {
      assertThat(again).isEqualTo(values);
    }
  }
}
