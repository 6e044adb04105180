package io.onair.rtmp.session;

import io.onair.rtmp.chunk.ChunkDecoder;
import io.onair.rtmp.chunk.ChunkEncoder;
import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.handshake.HandshakeStep;
import io.onair.rtmp.handshake.ServerHandshake;
import io.onair.rtmp.message.ProtocolControl;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.message.UserControl;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One RTMP connection's protocol state (RTMP 1.0 sections 5 and 6): the handshake, then messages
 * reassembled from chunks. The session answers what concerns the connection itself: it acknowledges
 * received bytes once per the peer's window (5.4.3), answers pings (7.1.7), and applies the chunk
 * size the peer sets; every other message goes to its {@link MessageHandler}.
 *
 * <p>Not thread-safe on the receiving side: the transport feeds it from one thread at a time.
 * {@link #send} may be called from any thread (players are fed by the publisher's thread); bytes
 * reach the transport in the order of the calls, since the chunk encoder's header compression
 * depends on it.
 */
public final class RtmpSession {

  /**
   * What we announce: the peer acknowledges our bytes once per this many (OBS and nginx use it).
   */
  static final int WINDOW_ACKNOWLEDGEMENT_SIZE = 2_500_000;

  /** Our outbound chunk size: large enough that a video frame costs few chunk headers. */
  static final int OUTBOUND_CHUNK_SIZE = 4096;

  private final String id;
  private final String remoteAddress;
  private final ServerHandshake handshake;
  private final ChunkDecoder decoder;
  private final ChunkEncoder encoder = new ChunkEncoder();
  private final Outbound outbound;
  private final MessageHandler handler;

  private long received;
  private long acknowledgedAt;
  private long peerWindow;
  private boolean closed;

  public RtmpSession(
      String id,
      String remoteAddress,
      ServerHandshake handshake,
      ChunkLimits limits,
      Outbound outbound,
      MessageHandler handler) {
    this.id = Objects.requireNonNull(id);
    this.remoteAddress = Objects.requireNonNull(remoteAddress);
    this.handshake = Objects.requireNonNull(handshake);
    this.decoder = new ChunkDecoder(limits);
    this.outbound = Objects.requireNonNull(outbound);
    this.handler = Objects.requireNonNull(handler);
  }

  public String id() {
    return id;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public boolean handshakeDone() {
    return handshake.state() == ServerHandshake.State.DONE;
  }

  /**
   * Consumes what it can of {@code in}; what remains is an incomplete handshake packet or chunk, to
   * be offered again with the bytes that follow.
   *
   * @throws io.onair.rtmp.protocol.ProtocolException when the peer breaks the protocol; the caller
   *     closes the connection
   */
  public void receive(ByteBuffer in) {
    int before = in.position();
    try {
      if (!handshakeDone() && !shakeHands(in)) {
        return;
      }
      for (RtmpMessage m = decoder.decode(in); m != null && !closed; m = decoder.decode(in)) {
        dispatch(m);
      }
    } finally {
      received += in.position() - before;
    }
    acknowledgeIfDue();
  }

  /** Sends a message on a chunk stream; callable from any thread. */
  public synchronized void send(RtmpMessage message, int chunkStreamId) {
    if (!closed) {
      outbound.send(encoder.encode(message, chunkStreamId));
    }
  }

  /**
   * Sends messages as one write and runs {@code written} once the transport has taken them all (see
   * {@link Outbound#send(List, Runnable)}): a player's writer keeps one such write in flight, so
   * what it cannot send yet stays in its bounded queue instead of piling up in the transport.
   *
   * @return false when the session is closed: nothing was sent and {@code written} never runs
   */
  public synchronized boolean send(List<Outgoing> messages, Runnable written) {
    if (closed) {
      return false;
    }
    List<ByteBuffer> chunks = new ArrayList<>(messages.size());
    for (Outgoing outgoing : messages) {
      chunks.add(encoder.encode(outgoing.message(), outgoing.chunkStreamId()));
    }
    outbound.send(chunks, written);
    return true;
  }

  /** Closes the connection and tells the handler, once. */
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    outbound.close();
    handler.onClose(this);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Returns true once the handshake is done, with {@code in} positioned after it. */
  private boolean shakeHands(ByteBuffer in) {
    while (true) {
      HandshakeStep step = handshake.feed(in);
      if (step instanceof HandshakeStep.Send send) {
        outbound.send(send.bytes());
      } else if (step instanceof HandshakeStep.Done) {
        startMessages();
        return true;
      } else {
        return false;
      }
    }
  }

  /** What a server sends as soon as the handshake is over, before the peer's connect arrives. */
  private void startMessages() {
    send(ProtocolControl.windowAcknowledgementSize(WINDOW_ACKNOWLEDGEMENT_SIZE), 2);
    send(
        ProtocolControl.setPeerBandwidth(
            WINDOW_ACKNOWLEDGEMENT_SIZE, ProtocolControl.LimitType.DYNAMIC),
        2);
    synchronized (this) {
      send(ProtocolControl.setChunkSize(OUTBOUND_CHUNK_SIZE), 2);
      encoder.setChunkSize(OUTBOUND_CHUNK_SIZE);
    }
  }

  private void dispatch(RtmpMessage message) {
    switch (message.type()) {
      case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT, SET_PEER_BANDWIDTH -> {
        // Chunk size and abort act inside the decoder; the peer's acknowledgements and bandwidth
        // hints change nothing here: we never stop sending while waiting for an acknowledgement.
      }
      case WINDOW_ACKNOWLEDGEMENT_SIZE -> peerWindow = ProtocolControl.windowSize(message);
      case USER_CONTROL -> userControl(UserControl.decode(message));
      default -> handler.onMessage(this, message);
    }
  }

  private void userControl(UserControl event) {
    if (event.event() == UserControl.Event.PING_REQUEST) {
      send(UserControl.of(UserControl.Event.PING_RESPONSE, event.value()).toMessage(), 2);
    }
  }

  /**
   * RTMP 1.0 5.4.3: acknowledge once per window; the sequence number is the byte count mod 2^32.
   */
  private void acknowledgeIfDue() {
    if (peerWindow > 0 && received - acknowledgedAt >= peerWindow && !closed) {
      acknowledgedAt = received;
      send(ProtocolControl.acknowledgement(received & 0xFFFF_FFFFL), 2);
    }
  }

  @Override
  public String toString() {
    return "RTMP session " + id + " from " + remoteAddress;
  }
}
