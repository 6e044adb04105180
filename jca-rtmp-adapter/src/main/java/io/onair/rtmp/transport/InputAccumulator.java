package io.onair.rtmp.transport;

import java.nio.ByteBuffer;

/**
 * The bytes of one connection not yet consumed: at most an incomplete handshake packet or chunk,
 * because the session consumes every complete one. Reads are processed in place when nothing is
 * pending, so the common case copies nothing.
 */
final class InputAccumulator {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private ByteBuffer pending = EMPTY;

  /** What the session should read next: the pending bytes followed by {@code incoming}. */
  ByteBuffer append(ByteBuffer incoming) {
    if (!pending.hasRemaining()) {
      return incoming;
    }
    ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + incoming.remaining());
    joined.put(pending).put(incoming).flip();
    return joined;
  }

  /**
   * Keeps what the session left of {@code input}, copied: the read buffer is about to be reused.
   */
  void keep(ByteBuffer input) {
    if (!input.hasRemaining()) {
      pending = EMPTY;
      return;
    }
    ByteBuffer rest = ByteBuffer.allocate(input.remaining());
    rest.put(input).flip();
    pending = rest;
  }
}
