package io.onair.rtmp.live;

import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Messages as OBS publishes them: AVC video and AAC audio tags, {@code @setDataFrame onMetaData}.
 * Each carries a tag number after its tag header, so equal-looking frames stay distinguishable.
 */
public final class Media {

  private static final byte[] AVC_KEY = {0x17, 0x01, 0, 0, 0};
  private static final byte[] AVC_INTER = {0x27, 0x01, 0, 0, 0};
  private static final byte[] AVC_CONFIG = {0x17, 0x00, 0, 0, 0};
  private static final byte[] AAC_RAW = {(byte) 0xaf, 0x01};
  private static final byte[] AAC_CONFIG = {(byte) 0xaf, 0x00};

  private Media() {}

  public static RtmpMessage keyFrame(long tag, int size) {
    return message(MessageType.VIDEO, tag, AVC_KEY, size);
  }

  public static RtmpMessage interFrame(long tag, int size) {
    return message(MessageType.VIDEO, tag, AVC_INTER, size);
  }

  public static RtmpMessage audioFrame(long tag, int size) {
    return message(MessageType.AUDIO, tag, AAC_RAW, size);
  }

  /** An avcC; {@code tag} tells configurations apart. */
  public static RtmpMessage videoHeader(long tag) {
    return message(MessageType.VIDEO, tag, AVC_CONFIG, 16);
  }

  /** An AudioSpecificConfig; {@code tag} tells configurations apart. */
  public static RtmpMessage audioHeader(long tag) {
    return message(MessageType.AUDIO, tag, AAC_CONFIG, 12);
  }

  public static RtmpMessage metadata(long tag) {
    return data(MessageType.DATA_AMF0, tag, "@setDataFrame", "onMetaData");
  }

  public static RtmpMessage cuePoint(long tag) {
    return data(MessageType.DATA_AMF0, tag, "onCuePoint");
  }

  public static RtmpMessage data(MessageType type, long tag, String... names) {
    ByteBuffer payload = ByteBuffer.allocate(256);
    if (type == MessageType.DATA_AMF3) {
      payload.put((byte) 0);
    }
    for (String name : names) {
      byte[] text = name.getBytes(StandardCharsets.US_ASCII);
      payload.put((byte) 0x02).putShort((short) text.length).put(text);
    }
    payload.put((byte) 0x08).putInt(0).putLong(tag);
    return new RtmpMessage(type, tag, 1, Arrays.copyOf(payload.array(), payload.position()));
  }

  private static RtmpMessage message(MessageType type, long tag, byte[] header, int size) {
    if (size < header.length + Long.BYTES) {
      throw new IllegalArgumentException("a tag needs " + (header.length + 8) + " bytes");
    }
    ByteBuffer payload = ByteBuffer.allocate(size).put(header).putLong(tag);
    return new RtmpMessage(type, tag, 1, payload.array());
  }
}
