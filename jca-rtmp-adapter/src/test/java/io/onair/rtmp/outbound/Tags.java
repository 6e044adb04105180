package io.onair.rtmp.outbound;

import io.onair.rtmp.amf.Amf0Encoder;
import io.onair.rtmp.amf.AmfEcmaArray;
import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audio, video and data messages byte for byte as encoders send them: legacy FLV tags (Adobe FLV
 * 10.1 E.4.2, E.4.3) from ffmpeg and OBS, and Enhanced RTMP v2 tags. The codec bytes after each tag
 * header are what the tests expect a {@link io.onair.rtmp.api.MediaFrame} to carry.
 */
final class Tags {

  /**
   * An AVCDecoderConfigurationRecord: version 1, High profile (100), level 3.1, one SPS, one PPS.
   */
  static final byte[] AVCC = {
    0x01,
    0x64,
    0x00,
    0x1f,
    (byte) 0xff,
    (byte) 0xe1,
    0x00,
    0x04,
    0x67,
    0x64,
    0x00,
    0x1f,
    0x01,
    0x00,
    0x02,
    0x68,
    (byte) 0xee
  };

  /** An AudioSpecificConfig: AAC LC (2), 48 kHz (index 3), stereo. */
  static final byte[] ASC = {0x11, (byte) 0x90};

  private Tags() {}

  /** Legacy AVC sequence header: key frame, codec 7, packet type 0, composition time 0. */
  static RtmpMessage avcConfig(long timestamp) {
    return video(timestamp, bytes(0x17, 0x00, 0, 0, 0), AVCC);
  }

  /** Legacy AVC key frame with a composition time offset, then length-prefixed NAL units. */
  static RtmpMessage avcKey(long timestamp, int cts, byte... nalUnits) {
    return video(timestamp, concat(bytes(0x17, 0x01), si24(cts)), nalUnits);
  }

  static RtmpMessage avcDelta(long timestamp, int cts, byte... nalUnits) {
    return video(timestamp, concat(bytes(0x27, 0x01), si24(cts)), nalUnits);
  }

  static RtmpMessage avcEndOfSequence(long timestamp) {
    return video(timestamp, bytes(0x17, 0x02, 0, 0, 0), new byte[0]);
  }

  /** A legacy video command frame (frame type 5): no frame at all. */
  static RtmpMessage videoCommand(long timestamp) {
    return video(timestamp, bytes(0x57, 0x00), bytes(0x01));
  }

  /** Legacy AAC sequence header: sound format 10, 44 kHz, 16-bit, stereo; packet type 0. */
  static RtmpMessage aacConfig(long timestamp) {
    return audio(timestamp, bytes(0xaf, 0x00), ASC);
  }

  static RtmpMessage aacFrame(long timestamp, byte... raw) {
    return audio(timestamp, bytes(0xaf, 0x01), raw);
  }

  /**
   * Enhanced RTMP video: bit 7 set, frame type, packet type, FourCC; CodedFrames (1) of AVC and
   * HEVC carry a composition time, CodedFramesX (3) do not.
   */
  static RtmpMessage enhancedVideo(
      long timestamp, int frameType, int packetType, String fourCc, Integer cts, byte... data) {
    byte[] header = concat(bytes(0x80 | frameType << 4 | packetType), ascii(fourCc));
    return video(timestamp, cts == null ? header : concat(header, si24(cts)), data);
  }

  /** Enhanced RTMP audio: sound format 9, packet type, FourCC. */
  static RtmpMessage enhancedAudio(long timestamp, int packetType, String fourCc, byte... data) {
    return audio(timestamp, concat(bytes(0x90 | packetType), ascii(fourCc)), data);
  }

  /** {@code onMetaData} with an ECMA array, as the adapter passes encoders' metadata to the hub. */
  static RtmpMessage onMetaData(long timestamp, Map<String, AmfValue> properties) {
    byte[] payload =
        new Amf0Encoder()
            .encodeAll(
                new AmfString("onMetaData"), new AmfEcmaArray(new LinkedHashMap<>(properties)));
    return new RtmpMessage(MessageType.DATA_AMF0, timestamp, 1, payload);
  }

  static Map<String, AmfValue> dimensions(int width, int height) {
    Map<String, AmfValue> properties = new LinkedHashMap<>();
    properties.put("width", new AmfNumber(width));
    properties.put("height", new AmfNumber(height));
    properties.put("encoder", new AmfString("Lavf61.7.100"));
    return properties;
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static RtmpMessage video(long timestamp, byte[] header, byte[] data) {
    return new RtmpMessage(MessageType.VIDEO, timestamp, 1, concat(header, data));
  }

  private static RtmpMessage audio(long timestamp, byte[] header, byte[] data) {
    return new RtmpMessage(MessageType.AUDIO, timestamp, 1, concat(header, data));
  }

  private static byte[] si24(int value) {
    return bytes(value >> 16, value >> 8, value);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(first);
    out.writeBytes(second);
    return out.toByteArray();
  }
}
