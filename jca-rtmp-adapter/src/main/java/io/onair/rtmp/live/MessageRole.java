package io.onair.rtmp.live;

import io.onair.rtmp.flv.AudioTagParser;
import io.onair.rtmp.flv.FrameKind;
import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.flv.VideoTagParser;
import io.onair.rtmp.message.RtmpMessage;
import java.nio.charset.StandardCharsets;

/** What a published message is to the hub: a header a joiner needs, a place to start, or media. */
enum MessageRole {
  /** {@code @setDataFrame onMetaData} or a bare {@code onMetaData} data message. */
  METADATA,
  VIDEO_HEADER,
  AUDIO_HEADER,
  VIDEO_KEY_FRAME,
  /** An audio frame; where a stream has no video, every one is a place to start. */
  AUDIO_FRAME,
  /** Inter frames, ends of sequence, other data messages and whatever else passes through. */
  OTHER;

  private static final int AMF0_STRING = 0x02;
  private static final byte[] SET_DATA_FRAME = ascii("@setDataFrame");
  private static final byte[] ON_META_DATA = ascii("onMetaData");

  /**
   * Reads the message's role.
   *
   * @throws io.onair.rtmp.protocol.ProtocolException when an audio or video tag is broken
   * @throws IllegalArgumentException for messages other than audio, video and data: commands and
   *     control stay with the connection, and aggregates are split before they reach the hub
   */
  /** The role of an audio or video message whose tag the caller has already read. */
  static MessageRole of(RtmpMessage message, MediaTag tag) {
    return switch (message.type()) {
      case VIDEO -> video(tag.kind());
      case AUDIO -> audio(tag.kind());
      default -> of(message);
    };
  }

  static MessageRole of(RtmpMessage message) {
    byte[] payload = message.payload();
    return switch (message.type()) {
      case VIDEO -> video(VideoTagParser.parse(message.timestamp(), payload).kind());
      case AUDIO -> audio(AudioTagParser.parse(message.timestamp(), payload).kind());
      case DATA_AMF0 -> isMetadata(payload, 0) ? METADATA : OTHER;
      // AMF3 data messages open with a format byte 0, then AMF0 values, as AMF3 commands do.
      case DATA_AMF3 ->
          payload.length > 0 && payload[0] == 0 && isMetadata(payload, 1) ? METADATA : OTHER;
      default ->
          throw new IllegalArgumentException(
              "the live hub carries audio, video and data messages, not " + message.type());
    };
  }

  boolean isHeader() {
    return this == METADATA || this == VIDEO_HEADER || this == AUDIO_HEADER;
  }

  private static MessageRole video(FrameKind kind) {
    return switch (kind) {
      case SEQUENCE_START -> VIDEO_HEADER;
      case KEY_FRAME -> VIDEO_KEY_FRAME;
      default -> OTHER;
    };
  }

  private static MessageRole audio(FrameKind kind) {
    return switch (kind) {
      case SEQUENCE_START -> AUDIO_HEADER;
      case KEY_FRAME -> AUDIO_FRAME;
      default -> OTHER;
    };
  }

  /** Whether the AMF0 values at {@code at} start with {@code onMetaData}, after a @setDataFrame. */
  private static boolean isMetadata(byte[] payload, int at) {
    int afterSetDataFrame = afterString(payload, at, SET_DATA_FRAME);
    return afterString(payload, afterSetDataFrame < 0 ? at : afterSetDataFrame, ON_META_DATA) >= 0;
  }

  /**
   * Where the next value starts if an AMF0 string equal to {@code text} is at {@code at}; or -1.
   */
  private static int afterString(byte[] payload, int at, byte[] text) {
    int end = at + 3 + text.length;
    if (end > payload.length
        || payload[at] != AMF0_STRING
        || ((payload[at + 1] & 0xFF) << 8 | (payload[at + 2] & 0xFF)) != text.length) {
      return -1;
    }
    for (int i = 0; i < text.length; i++) {
      if (payload[at + 3 + i] != text[i]) {
        return -1;
      }
    }
    return end;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
