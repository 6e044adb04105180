package io.onair.rtmp.message;

import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * A User Control message (RTMP 1.0 section 6.2, 7.1.7): an event type and its data. Stream Begin,
 * EOF, Dry and Is Recorded carry a stream id; Set Buffer Length a stream id and a length in
 * milliseconds; Ping Request and Response a timestamp.
 *
 * @param event the event
 * @param value the stream id, or the timestamp for pings
 * @param bufferLength milliseconds, for Set Buffer Length only; else 0
 */
public record UserControl(Event event, int value, int bufferLength) {

  /** User control event types; ids 5 and 8+ are not defined by the spec. */
  public enum Event {
    STREAM_BEGIN(0),
    STREAM_EOF(1),
    STREAM_DRY(2),
    SET_BUFFER_LENGTH(3),
    STREAM_IS_RECORDED(4),
    PING_REQUEST(6),
    PING_RESPONSE(7);

    private final int id;

    Event(int id) {
      this.id = id;
    }

    public int id() {
      return id;
    }

    static Event of(int id) {
      for (Event event : values()) {
        if (event.id == id) {
          return event;
        }
      }
      throw new ProtocolException("user control event type", id, "not defined by RTMP");
    }
  }

  public static UserControl of(Event event, int value) {
    return new UserControl(event, value, 0);
  }

  /** Reads the payload of a User Control message. */
  public static UserControl decode(RtmpMessage message) {
    byte[] payload = message.payload();
    if (payload.length < 6) {
      throw new ProtocolException(
          "user control payload length", payload.length, "must be at least 6 bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    Event event = Event.of(in.getShort() & 0xFFFF);
    int value = in.getInt();
    if (event != Event.SET_BUFFER_LENGTH) {
      return new UserControl(event, value, 0);
    }
    if (payload.length < 10) {
      throw new ProtocolException(
          "set buffer length payload length", payload.length, "must be 10 bytes");
    }
    return new UserControl(event, value, in.getInt());
  }

  /** This event as a message on the control stream. */
  public RtmpMessage toMessage() {
    ByteBuffer out = ByteBuffer.allocate(event == Event.SET_BUFFER_LENGTH ? 10 : 6);
    out.putShort((short) event.id).putInt(value);
    if (event == Event.SET_BUFFER_LENGTH) {
      out.putInt(bufferLength);
    }
    return new RtmpMessage(MessageType.USER_CONTROL, 0, 0, out.array());
  }
}
