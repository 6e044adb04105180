package io.onair.rtmp.flv;

import io.onair.rtmp.protocol.ProtocolException;

/** Bounds-checked reads over a tag payload; running out is a protocol error naming the field. */
final class TagReader {

  private final byte[] payload;
  private final String tag;
  private int at;

  TagReader(byte[] payload, String tag) {
    this.payload = payload;
    this.tag = tag;
  }

  int u8(String field) {
    need(1, field);
    return payload[at++] & 0xFF;
  }

  int u32(String field) {
    need(4, field);
    int value =
        (payload[at] & 0xFF) << 24
            | (payload[at + 1] & 0xFF) << 16
            | (payload[at + 2] & 0xFF) << 8
            | (payload[at + 3] & 0xFF);
    at += 4;
    return value;
  }

  /** A signed 24-bit big-endian integer (SI24), as composition time offsets are written. */
  int si24(String field) {
    need(3, field);
    int value =
        (payload[at] & 0xFF) << 16 | (payload[at + 1] & 0xFF) << 8 | (payload[at + 2] & 0xFF);
    at += 3;
    return (value << 8) >> 8;
  }

  int position() {
    return at;
  }

  private void need(int bytes, String field) {
    if (payload.length - at < bytes) {
      throw new ProtocolException(
          tag + " " + field, "missing", "the " + payload.length + "-byte tag ends before it");
    }
  }
}
