package io.onair.rtmp.command;

import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfMembers;
import io.onair.rtmp.chunk.ChunkDecoder;
import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.session.Outbound;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the server sends, decoded as a client would. Writes with a completion are counted
 * and, while {@link #holdWrites} is set, kept pending until {@link #completeWrite()}: a network
 * whose socket buffer is full.
 */
final class RecordingClient implements Outbound {

  final ChunkDecoder decoder = new ChunkDecoder(new ChunkLimits(65_536, 1 << 20, 16));
  final List<RtmpMessage> received = new ArrayList<>();
  final List<Runnable> pendingWrites = new ArrayList<>();
  int writes;
  boolean holdWrites;
  boolean closed;

  /** S0+S1+S2 still to pass over, in a test that starts with the handshake. */
  int handshakeBytes;

  @Override
  public synchronized void send(ByteBuffer bytes) {
    int skipped = Math.min(handshakeBytes, bytes.remaining());
    bytes.position(bytes.position() + skipped);
    handshakeBytes -= skipped;
    for (RtmpMessage m = decoder.decode(bytes); m != null; m = decoder.decode(bytes)) {
      received.add(m);
    }
  }

  @Override
  public void send(List<ByteBuffer> bytes, Runnable written) {
    synchronized (this) {
      writes++;
      bytes.forEach(this::send);
      if (holdWrites) {
        pendingWrites.add(written);
        return;
      }
    }
    written.run();
  }

  /** The oldest pending write completes. */
  void completeWrite() {
    Runnable written;
    synchronized (this) {
      written = pendingWrites.remove(0);
    }
    written.run();
  }

  @Override
  public void close() {
    closed = true;
  }

  synchronized List<Command> commands() {
    return received.stream()
        .filter(m -> m.type() == MessageType.COMMAND_AMF0)
        .map(m -> Command.decode(m, AmfLimits.defaults()))
        .toList();
  }

  Command last() {
    List<Command> all = commands();
    return all.get(all.size() - 1);
  }

  /** The status codes of the onStatus commands received, in order. */
  List<String> statusCodes() {
    return commands().stream()
        .filter(c -> c.name().equals("onStatus"))
        .map(RecordingClient::code)
        .toList();
  }

  synchronized List<RtmpMessage> media() {
    return received.stream()
        .filter(m -> m.type() == MessageType.AUDIO || m.type() == MessageType.VIDEO)
        .toList();
  }

  static String code(Command status) {
    return status
        .arguments()
        .get(0)
        .as(AmfMembers.class)
        .orElseThrow()
        .string("code")
        .orElseThrow();
  }
}
