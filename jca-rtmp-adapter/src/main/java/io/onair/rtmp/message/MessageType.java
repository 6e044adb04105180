package io.onair.rtmp.message;

import io.onair.rtmp.protocol.ProtocolException;

/** RTMP message type ids (RTMP 1.0 sections 5.4 and 7.1), with a checked lookup. */
public enum MessageType {
  SET_CHUNK_SIZE(1),
  ABORT(2),
  ACKNOWLEDGEMENT(3),
  USER_CONTROL(4),
  WINDOW_ACKNOWLEDGEMENT_SIZE(5),
  SET_PEER_BANDWIDTH(6),
  AUDIO(8),
  VIDEO(9),
  DATA_AMF3(15),
  SHARED_OBJECT_AMF3(16),
  COMMAND_AMF3(17),
  DATA_AMF0(18),
  SHARED_OBJECT_AMF0(19),
  COMMAND_AMF0(20),
  AGGREGATE(22);

  private static final MessageType[] BY_ID = new MessageType[23];

  static {
    for (MessageType type : values()) {
      BY_ID[type.id] = type;
    }
  }

  private final int id;

  MessageType(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The type of an id; a protocol error for ids RTMP does not define. */
  public static MessageType of(int id) {
    MessageType type = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    if (type == null) {
      throw new ProtocolException("message type id", id, "not an RTMP message type");
    }
    return type;
  }

  /** Protocol control messages travel on chunk stream 2 and message stream 0 (section 5.4). */
  public boolean isProtocolControl() {
    return id >= 1 && id <= 6 && id != 4;
  }
}
