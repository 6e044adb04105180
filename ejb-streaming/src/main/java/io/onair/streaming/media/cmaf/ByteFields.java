package io.onair.streaming.media.cmaf;

import java.util.Arrays;

/**
 * Bounds-checked big-endian reads over a codec configuration record. A length is checked against
 * what is left before anything is allocated; running out names the field.
 */
final class ByteFields {

  private final byte[] bytes;
  private final String structure;
  private int at;

  ByteFields(byte[] bytes, String structure) {
    this.bytes = bytes;
    this.structure = structure;
  }

  int u8(String field) {
    need(1, field);
    return bytes[at++] & 0xFF;
  }

  int u16(String field) {
    need(2, field);
    int value = (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    at += 2;
    return value;
  }

  byte[] bytes(int length, String field) {
    need(length, field);
    byte[] copy = Arrays.copyOfRange(bytes, at, at + length);
    at += length;
    return copy;
  }

  void skip(int length, String field) {
    need(length, field);
    at += length;
  }

  private void need(int length, String field) {
    if (bytes.length - at < length) {
      throw new MediaFormatException(
          structure + " " + field,
          length > 1 ? length + " bytes" : "missing",
          "only "
              + (bytes.length - at)
              + " of the "
              + bytes.length
              + " bytes are left at offset "
              + at);
    }
  }
}
