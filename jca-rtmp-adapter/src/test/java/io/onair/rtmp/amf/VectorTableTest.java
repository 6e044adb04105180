package io.onair.rtmp.amf;

import static io.onair.rtmp.amf.Amf0CodecTest.ROOMY;
import static io.onair.rtmp.amf.Amf0CodecTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each format's vector table, both ways: the bytes decode to the values, and the values of a
 * canonical vector encode to the bytes.
 */
class VectorTableTest {

  static Stream<Arguments> vectors() {
    return Arrays.stream(AmfFormat.values())
        .flatMap(format -> format.vectors().stream().map(v -> Arguments.of(format, v)));
  }

  static Stream<Arguments> canonicalVectors() {
    return vectors().filter(arguments -> ((AmfVector) arguments.get()[1]).canonical());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void decodes(AmfFormat format, AmfVector vector) {
    assertThat(format.decoder(ROOMY).decodeAll(ByteBuffer.wrap(vector.bytes())))
        .isEqualTo(vector.values());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("canonicalVectors")
  void encodes(AmfFormat format, AmfVector vector) {
    assertThat(hex(format.encode(vector.values()))).isEqualTo(hex(vector.bytes()));
  }
}
