package io.onair.rtmp.message;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One RTMP message, reassembled from its chunks.
 *
 * @param type the message type
 * @param timestamp milliseconds, unsigned 32-bit (it wraps after 49.7 days)
 * @param streamId the message stream id; 0 for the connection's control stream
 * @param payload the message body; the record owns it and never changes it
 */
public record RtmpMessage(MessageType type, long timestamp, int streamId, byte[] payload) {

  public RtmpMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("timestamp must be unsigned 32-bit, was " + timestamp);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtmpMessage m
        && type == m.type
        && timestamp == m.timestamp
        && streamId == m.streamId
        && Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, timestamp, streamId, Arrays.hashCode(payload));
  }

  /** Shows at most 32 payload bytes: a video frame in a log line helps nobody. */
  @Override
  public String toString() {
    int shown = Math.min(payload.length, 32);
    return "RtmpMessage["
        + type
        + " t="
        + timestamp
        + " stream="
        + streamId
        + " "
        + payload.length
        + " bytes "
        + HexFormat.of().formatHex(payload, 0, shown)
        + (shown < payload.length ? "…" : "")
        + "]";
  }
}
