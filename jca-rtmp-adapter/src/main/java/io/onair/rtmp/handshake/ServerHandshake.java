package io.onair.rtmp.handshake;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The server side of one connection's RTMP handshake (RTMP 1.0 section 5.2), fed whatever bytes the
 * network delivered: one byte at a time, or C0+C1+C2 and the first chunks at once.
 *
 * <p>The server answers S0+S1+S2 together as soon as C0+C1 are complete: the specification allows
 * it (5.2.1: the server may wait for C1 only), every client expects it, and it saves a round trip.
 * C2 is read but not checked: clients send an echo of S1 with or without their own time, or a
 * digest-handshake signature, and none of the open servers refuses a client over it.
 *
 * <p>The caller loops: feed, act on the step, and feed the same input again until the step is
 * {@link HandshakeStep.NeedMore} or {@link HandshakeStep.Done}. Not thread-safe: one per
 * connection, fed by one thread at a time.
 */
public final class ServerHandshake {

  /** Where the handshake stands; a state names what it waits for. */
  public enum State {
    AWAIT_C0C1,
    AWAIT_C2,
    DONE,
    FAILED
  }

  static final byte RTMP_VERSION = 3;
  static final int PACKET_SIZE = 1536;

  private final ServerReply reply;
  private final byte[] c1 = new byte[PACKET_SIZE];
  private State state = State.AWAIT_C0C1;
  private boolean c0Read;
  private int received;

  /**
   * @param random the source of S1's and S2's random bytes; the specification asks for no
   *     cryptographic strength, but a {@code SecureRandom} costs little once per connection
   * @param clock S1's time field is the low 32 bits of its milliseconds
   */
  public ServerHandshake(RandomGenerator random, InstantSource clock) {
    this.reply =
        new ServerReply(
            Objects.requireNonNull(random, "random"), Objects.requireNonNull(clock, "clock"));
  }

  public State state() {
    return state;
  }

  /**
   * Takes bytes from the input up to the end of the message awaited, and no further: after {@link
   * HandshakeStep.Done} the input's position is just past C2.
   *
   * @throws ProtocolException when C0 asks for a version other than 3; the handshake has then
   *     failed
   * @throws IllegalStateException when the handshake is already done or failed
   */
  public HandshakeStep feed(ByteBuffer input) {
    return switch (state) {
      case AWAIT_C0C1 -> readC0C1(input);
      case AWAIT_C2 -> readC2(input);
      case DONE, FAILED -> throw new IllegalStateException("the handshake is already " + state);
    };
  }

  private HandshakeStep readC0C1(ByteBuffer input) {
    if (!c0Read) {
      if (!input.hasRemaining()) {
        return HandshakeStep.NEED_MORE;
      }
      // Checked on the first byte: a TLS or HTTP client is refused before it sends 1536 more.
      checkVersion(Byte.toUnsignedInt(input.get()));
      c0Read = true;
    }
    int taken = Math.min(input.remaining(), PACKET_SIZE - received);
    input.get(c1, received, taken);
    received += taken;
    if (received < PACKET_SIZE) {
      return HandshakeStep.NEED_MORE;
    }
    state = State.AWAIT_C2;
    received = 0;
    return new HandshakeStep.Send(ByteBuffer.wrap(reply.to(c1)));
  }

  private HandshakeStep readC2(ByteBuffer input) {
    int taken = Math.min(input.remaining(), PACKET_SIZE - received);
    input.position(input.position() + taken);
    received += taken;
    if (received < PACKET_SIZE) {
      return HandshakeStep.NEED_MORE;
    }
    state = State.DONE;
    ByteBuffer leftover = ByteBuffer.allocate(input.remaining());
    leftover.put(input.duplicate()).flip();
    return new HandshakeStep.Done(leftover);
  }

  private void checkVersion(int version) {
    if (version != RTMP_VERSION) {
      state = State.FAILED;
      throw new ProtocolException("C0 version", version, rule(version));
    }
  }

  /** The rule a wrong version broke, naming the likely client mistake so the log line says it. */
  private static String rule(int version) {
    return switch (version) {
      case 6, 8, 9 -> "RTMPE (encrypted RTMP) is not supported; only version 3";
      case 0x16 -> "only version 3; 22 opens a TLS handshake: rtmps:// belongs on the RTMPS port";
      case 'G', 'P' -> "only version 3; the byte opens an HTTP request: RTMPT is not supported";
      default -> "only version 3 (RTMP 1.0 5.2.2)";
    };
  }
}
