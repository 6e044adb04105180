package io.onair.rtmp.flv;

import io.onair.rtmp.amf.AnnotatedHex;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import io.onair.rtmp.api.MediaFrame.Track;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * FLV tags byte for byte (Adobe FLV 10.1 E.4.1 tag header, E.4.2.1/E.4.3.1 legacy bodies, E-RTMP v1
 * enhanced video) with the frame each one carries: one table for the writer and the reader.
 */
final class FlvVectors {

  /** A tag (header, body, PreviousTagSize) and the frame in it, at its decode time. */
  record Vector(String name, MediaFrame frame, byte[] tag) {

    long dts() {
      return frame.dts();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final byte[] HEADER =
      AnnotatedHex.parse(
          """
          'FLV' 01      # Signature, Version 1
          05            # TypeFlags: audio (bit 2) and video (bit 0)
          00000009      # DataOffset: the 9 header bytes
          00000000      # PreviousTagSize0
          """);

  static final String AVCC = "0164001fffe1 0004 6764001f 01 0002 68ee";

  static final List<Vector> ALL =
      List.of(
          new Vector(
              "AVC sequence header",
              frame(Track.VIDEO, "avc1", Kind.CONFIG, 0, 0, AVCC),
              tag(
                  """
                  09 000016 000000 00 000000  # video, DataSize 22, Timestamp 0, Extended, StreamID
                  17 00 000000                # key frame | AVC (7), sequence header, CTS 0
                  0164001fffe1 0004 6764001f 01 0002 68ee  # avcC: High 3.1, one SPS, one PPS
                  00000021                    # PreviousTagSize: 11 + 22
                  """)),
          new Vector(
              "AVC key frame, 80 ms composition time",
              frame(Track.VIDEO, "avc1", Kind.KEY, 1000, 80, "00000002 6588"),
              tag(
                  """
                  09 00000b 0003e8 00 000000  # video, DataSize 11, Timestamp 1000
                  17 01 000050                # key frame | AVC, NALU, CompositionTime 80
                  00000002 6588               # one length-prefixed NAL unit (IDR slice)
                  00000016                    # PreviousTagSize: 11 + 11
                  """)),
          new Vector(
              "AVC inter frame, composition time -40 ms",
              frame(Track.VIDEO, "avc1", Kind.DELTA, 1040, -40, "00000001 41"),
              tag(
                  """
                  09 00000a 000410 00 000000  # video, DataSize 10, Timestamp 1040
                  27 01 ffffd8                # inter frame | AVC, NALU, CompositionTime -40
                  00000001 41
                  00000015
                  """)),
          new Vector(
              "AVC end of sequence",
              frame(Track.VIDEO, "avc1", Kind.END_OF_SEQUENCE, 2000, 0, ""),
              tag(
                  """
                  09 000005 0007d0 00 000000  # video, DataSize 5, Timestamp 2000
                  17 02 000000                # key | AVC, end of sequence, as ffmpeg writes it
                  00000010
                  """)),
          new Vector(
              "AAC sequence header",
              frame(Track.AUDIO, "mp4a", Kind.CONFIG, 0, 0, "1190"),
              tag(
                  """
                  08 000004 000000 00 000000  # audio, DataSize 4, Timestamp 0
                  af 00                       # AAC (10), 44 kHz, 16-bit, stereo; sequence header
                  1190                        # AudioSpecificConfig: AAC LC, 48 kHz, stereo
                  0000000f
                  """)),
          new Vector(
              "AAC raw frame",
              frame(Track.AUDIO, "mp4a", Kind.KEY, 23, 0, "21100504"),
              tag(
                  """
                  08 000006 000017 00 000000  # audio, DataSize 6, Timestamp 23
                  af 01                       # AAC, raw
                  21100504
                  00000011
                  """)),
          new Vector(
              "E-RTMP HEVC sequence start",
              frame(Track.VIDEO, "hvc1", Kind.CONFIG, 0, 0, "010160000000"),
              tag(
                  """
                  09 00000b 000000 00 000000  # video, DataSize 11
                  90 'hvc1'                   # ExHeader | key frame | SequenceStart, FourCC
                  010160000000                # the start of an hvcC
                  00000016
                  """)),
          new Vector(
              "E-RTMP HEVC coded frames, 33 ms composition time",
              frame(Track.VIDEO, "hvc1", Kind.KEY, 33, 33, "00000002 2601"),
              tag(
                  """
                  09 00000e 000021 00 000000  # video, DataSize 14, Timestamp 33
                  91 'hvc1' 000021            # ExHeader | key | CodedFrames, CTS 33
                  00000002 2601               # one IDR_W_RADL NAL unit
                  00000019
                  """)),
          new Vector(
              "E-RTMP HEVC coded frames X: composition time 0 left out",
              frame(Track.VIDEO, "hvc1", Kind.DELTA, 66, 0, "00000002 0201"),
              tag(
                  """
                  09 00000b 000042 00 000000  # video, DataSize 11, Timestamp 66
                  a3 'hvc1'                   # ExHeader | inter frame | CodedFramesX
                  00000002 0201
                  00000016
                  """)),
          new Vector(
              "E-RTMP AV1 key frame: CodedFrames, no composition time",
              frame(Track.VIDEO, "av01", Kind.KEY, 100, 0, "12000a0b"),
              tag(
                  """
                  09 000009 000064 00 000000  # video, DataSize 9, Timestamp 100
                  91 'av01'                   # ExHeader | key frame | CodedFrames
                  12000a0b                    # OBUs: a temporal delimiter, a sequence header begins
                  00000014
                  """)),
          new Vector(
              "E-RTMP VP9 sequence end",
              frame(Track.VIDEO, "vp09", Kind.END_OF_SEQUENCE, 200, 0, ""),
              tag(
                  """
                  09 000005 0000c8 00 000000  # video, DataSize 5, Timestamp 200
                  92 'vp09'                   # ExHeader | key frame | SequenceEnd
                  00000010
                  """)),
          new Vector(
              "timestamp above 24 bits: 0x12345678 ms, 3.5 days in",
              frame(Track.VIDEO, "avc1", Kind.DELTA, 0x12345678L, 0, "00000001 41"),
              tag(
                  """
                  09 00000a 345678 12 000000  # Timestamp: the low 24 bits, then Extended the high 8
                  27 01 000000
                  00000001 41
                  00000015
                  """)),
          new Vector(
              "the largest timestamp FLV carries: 2^31 - 1",
              frame(Track.AUDIO, "mp4a", Kind.KEY, 0x7FFFFFFFL, 0, "21"),
              tag(
                  """
                  08 000003 ffffff 7f 000000  # Timestamp 0x7fffffff, signed 32-bit
                  af 01 21
                  0000000e
                  """)));

  private FlvVectors() {}

  static MediaFrame frame(Track track, String codec, Kind kind, long dts, int cts, String data) {
    return new MediaFrame(
        track, codec, kind, dts, cts, false, ByteBuffer.wrap(AnnotatedHex.parse(data)));
  }

  /** The file header, then every vector's tag. */
  static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER);
    ALL.forEach(vector -> out.writeBytes(vector.tag()));
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] tag(String annotated) {
    return AnnotatedHex.parse(annotated);
  }
}
