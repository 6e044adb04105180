package io.onair.rtmp.amf;

import java.util.List;

/**
 * One test vector: a message's bytes and the values they decode to. A canonical vector is also what
 * the encoder writes for those values; a decode-only one is a form peers send that the encoder
 * writes differently.
 */
record AmfVector(String name, byte[] bytes, List<AmfValue> values, boolean canonical) {

  static AmfVector both(String name, String annotatedHex, AmfValue... values) {
    return new AmfVector(name, AnnotatedHex.parse(annotatedHex), List.of(values), true);
  }

  static AmfVector decodeOnly(String name, String annotatedHex, AmfValue... values) {
    return new AmfVector(name, AnnotatedHex.parse(annotatedHex), List.of(values), false);
  }

  @Override
  public String toString() {
    return name;
  }
}
