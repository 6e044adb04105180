package io.onair.rtmp.message;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Payloads of the protocol control messages (RTMP 1.0 section 5.4): Set Chunk Size, Abort,
 * Acknowledgement, Window Acknowledgement Size and Set Peer Bandwidth, read and written. They
 * travel on message stream 0 with timestamp 0.
 */
public final class ProtocolControl {

  /** Set Peer Bandwidth limit types (section 5.4.5). */
  public enum LimitType {
    HARD,
    SOFT,
    DYNAMIC
  }

  private ProtocolControl() {}

  /** The chunk size a Set Chunk Size message sets; at most {@code max}. */
  public static int chunkSize(RtmpMessage message, int max) {
    int size = fourBytes(message, "Set Chunk Size");
    // Section 5.4.1: bit 31 must be zero, so a negative int is a violation, not a large size.
    if (size < 1 || size > max) {
      throw new ProtocolException(
          "chunk size", Integer.toUnsignedLong(size), "must be 1 to " + max + " bytes");
    }
    return size;
  }

  /** The chunk stream whose unfinished message an Abort message discards. */
  public static int abortedChunkStream(RtmpMessage message) {
    return fourBytes(message, "Abort");
  }

  /** The sequence number (bytes received so far, modulo 2^32) an Acknowledgement reports. */
  public static long acknowledged(RtmpMessage message) {
    return Integer.toUnsignedLong(fourBytes(message, "Acknowledgement"));
  }

  /** The window a Window Acknowledgement Size message sets. */
  public static long windowSize(RtmpMessage message) {
    return Integer.toUnsignedLong(fourBytes(message, "Window Acknowledgement Size"));
  }

  public static RtmpMessage setChunkSize(int size) {
    return control(MessageType.SET_CHUNK_SIZE, size);
  }

  public static RtmpMessage abort(int chunkStreamId) {
    return control(MessageType.ABORT, chunkStreamId);
  }

  public static RtmpMessage acknowledgement(long sequenceNumber) {
    return control(MessageType.ACKNOWLEDGEMENT, (int) sequenceNumber);
  }

  public static RtmpMessage windowAcknowledgementSize(int size) {
    return control(MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE, size);
  }

  public static RtmpMessage setPeerBandwidth(int size, LimitType type) {
    byte[] payload = ByteBuffer.allocate(5).putInt(size).put((byte) type.ordinal()).array();
    return new RtmpMessage(MessageType.SET_PEER_BANDWIDTH, 0, 0, payload);
  }

  private static RtmpMessage control(MessageType type, int value) {
    return new RtmpMessage(type, 0, 0, ByteBuffer.allocate(4).putInt(value).array());
  }

  private static int fourBytes(RtmpMessage message, String name) {
    if (message.payload().length != 4) {
      throw new ProtocolException(
          name + " payload length", message.payload().length, "must be 4 bytes");
    }
    return ByteBuffer.wrap(message.payload()).getInt();
  }
}
