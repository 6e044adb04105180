package io.onair.rtmp.amf;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked big-endian reads over one message payload. Every read that would pass the end is a
 * {@link ProtocolException} naming the field, never a buffer exception.
 */
final class AmfInput {

  private final ByteBuffer caller;
  private final ByteBuffer buf;

  /** Reads from the payload's position, which only {@link #commit()} moves. */
  AmfInput(ByteBuffer payload) {
    this.caller = payload;
    this.buf = payload.duplicate().order(ByteOrder.BIG_ENDIAN);
  }

  boolean hasRemaining() {
    return buf.hasRemaining();
  }

  /** Moves the payload past what was read. */
  void commit() {
    caller.position(buf.position());
  }

  int u8(String field) {
    need(field, 1);
    return buf.get() & 0xFF;
  }

  int u16(String field) {
    need(field, 2);
    return buf.getShort() & 0xFFFF;
  }

  long u32(String field) {
    need(field, 4);
    return buf.getInt() & 0xFFFF_FFFFL;
  }

  double f64(String field) {
    need(field, 8);
    return buf.getDouble();
  }

  void skip(String field, int count) {
    need(field, count);
    buf.position(buf.position() + count);
  }

  /**
   * AMF3 1.3.1: up to three bytes of 7 bits each, high bit set while more follow; a fourth byte
   * gives all 8 bits, so the value has 29 bits and is never negative.
   */
  int u29(String field) {
    int value = 0;
    for (int i = 0; i < 3; i++) {
      int b = u8(field);
      if ((b & 0x80) == 0) {
        return (value << 7) | b;
      }
      value = (value << 7) | (b & 0x7F);
    }
    return (value << 8) | u8(field);
  }

  /**
   * Checks a size the peer declared, a byte length or an element count (every element takes at
   * least one byte), against the limit and against the bytes left, before anything is allocated.
   */
  int declared(String field, long size, int limit) {
    if (size > limit) {
      throw new ProtocolException(field, size, "exceeds the limit of " + limit);
    }
    if (size > buf.remaining()) {
      throw new ProtocolException(field, size, "exceeds the " + buf.remaining() + " bytes left");
    }
    return (int) size;
  }

  /**
   * A UTF-8 text of a declared length, the length checked first. Malformed sequences become U+FFFD
   * rather than an error: a bad byte in a description is no reason to drop a connection, and a name
   * the command layer matches on then simply does not match.
   */
  String utf8(String field, long length, int limit) {
    return utf8(declared(field, length, limit));
  }

  private String utf8(int length) {
    String text;
    if (buf.hasArray()) {
      text =
          new String(
              buf.array(), buf.arrayOffset() + buf.position(), length, StandardCharsets.UTF_8);
      buf.position(buf.position() + length);
    } else {
      text = new String(bytes(length), StandardCharsets.UTF_8);
    }
    return text;
  }

  /** The next {@code length} bytes, the length checked by {@link #declared}. */
  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    buf.get(bytes);
    return bytes;
  }

  private void need(String field, int size) {
    if (buf.remaining() < size) {
      throw new ProtocolException(
          field + " size", size, "exceeds the " + buf.remaining() + " bytes left");
    }
  }
}
