package io.onair.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a server handshake sent, and left for the next layer, when fed a client's bytes in the given
 * pieces; the pieces after the one that completed the handshake count as leftover too.
 */
record Transcript(byte[] sent, byte[] leftover, ServerHandshake.State state) {

  static Transcript of(ServerHandshake handshake, List<byte[]> pieces) {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    ByteArrayOutputStream leftover = new ByteArrayOutputStream();
    for (byte[] piece : pieces) {
      if (handshake.state() == ServerHandshake.State.DONE) {
        leftover.writeBytes(piece);
      } else {
        feedAll(handshake, ByteBuffer.wrap(piece), sent, leftover);
      }
    }
    return new Transcript(sent.toByteArray(), leftover.toByteArray(), handshake.state());
  }

  /** The loop ServerHandshake asks of its caller: feed until NeedMore or Done. */
  private static void feedAll(
      ServerHandshake handshake,
      ByteBuffer input,
      ByteArrayOutputStream sent,
      ByteArrayOutputStream leftover) {
    while (true) {
      HandshakeStep step = handshake.feed(input);
      if (step instanceof HandshakeStep.Send send) {
        sent.writeBytes(bytes(send.bytes()));
      } else if (step instanceof HandshakeStep.Done done) {
        byte[] rest = bytes(done.leftover());
        assertThat(rest).as("input not read past C2").isEqualTo(bytes(input.duplicate()));
        leftover.writeBytes(rest);
        return;
      } else {
        assertThat(input.hasRemaining()).as("NeedMore only once the input is used up").isFalse();
        return;
      }
    }
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  /** The bytes cut at the given ascending offsets. */
  static List<byte[]> split(byte[] bytes, int... cuts) {
    List<byte[]> pieces = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      pieces.add(Arrays.copyOfRange(bytes, from, cut));
      from = cut;
    }
    pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
    return pieces;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
