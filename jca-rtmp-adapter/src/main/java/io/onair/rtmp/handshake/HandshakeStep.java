package io.onair.rtmp.handshake;

import java.nio.ByteBuffer;

/**
 * What the caller does after {@link ServerHandshake#feed}: wait for more bytes, write bytes to the
 * peer, or hand the connection (and the bytes that followed C2) to the chunk layer. The buffers are
 * read-only, and each accessor call returns a fresh view, so reading one does not consume it.
 */
public sealed interface HandshakeStep {

  NeedMore NEED_MORE = new NeedMore();

  /** Every byte fed was taken; nothing to do until the network delivers more. */
  record NeedMore() implements HandshakeStep {}

  /**
   * Write these bytes (S0+S1+S2, 3073 of them) to the peer, then feed again: the input may already
   * hold C2.
   */
  record Send(ByteBuffer bytes) implements HandshakeStep {
    public Send {
      bytes = bytes.asReadOnlyBuffer();
    }

    @Override
    public ByteBuffer bytes() {
      return bytes.duplicate();
    }
  }

  /**
   * The handshake is complete. The leftover is a copy of what followed C2 in the last input (ffmpeg
   * sends its first chunk in the segment that carries C2); the input itself was not read past C2.
   */
  record Done(ByteBuffer leftover) implements HandshakeStep {
    public Done {
      leftover = leftover.asReadOnlyBuffer();
    }

    @Override
    public ByteBuffer leftover() {
      return leftover.duplicate();
    }
  }
}
