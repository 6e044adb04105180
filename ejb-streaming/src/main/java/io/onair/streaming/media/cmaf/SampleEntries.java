package io.onair.streaming.media.cmaf;

import static io.onair.streaming.media.cmaf.Box.box;
import static io.onair.streaming.media.cmaf.Box.fullBox;

import io.onair.streaming.media.cmaf.Box.Fields;

/**
 * The one sample entry of a track's stsd: avc1, hvc1 or av01 (VisualSampleEntry, ISO/IEC 14496-12
 * 12.1.3) around the codec's configuration box, or mp4a (AudioSampleEntry, 12.2.3) around esds.
 *
 * <p>avc1 and hvc1 rather than avc3 and hev1: the configuration record from the sequence header
 * holds the parameter sets, which is what HLS players expect (Apple requires hvc1 for HEVC) and
 * what the CMAF AVC and HEVC media profiles describe first. ISO/IEC 14496-15 lets avc1 streams
 * repeat parameter sets in band as well, which OBS does at every keyframe.
 */
final class SampleEntries {

  private static final int DATA_REFERENCE_INDEX = 1;
  private static final long RESOLUTION_72_DPI = 0x00480000L;
  private static final int DEPTH_COLOUR_NO_ALPHA = 0x0018;
  private static final int OBJECT_TYPE_MPEG4_AUDIO = 0x40;
  private static final int STREAM_TYPE_AUDIO = 0x05;
  private static final int ES_DESCRIPTOR = 0x03;
  private static final int DECODER_CONFIG_DESCRIPTOR = 0x04;
  private static final int DECODER_SPECIFIC_INFO = 0x05;
  private static final int SL_CONFIG_DESCRIPTOR = 0x06;

  /**
   * An AAC decoder buffers at most 6144 bits per channel (ISO/IEC 14496-3, the minimum decoder
   * input buffer).
   */
  private static final int AAC_BUFFER_BYTES_PER_CHANNEL = 6144 / 8;

  private SampleEntries() {}

  static byte[] of(TrackFormat format) {
    // Pattern matching for switch is final only from Java 21; this module targets 17.
    if (format instanceof TrackFormat.Avc avc) {
      return visual("avc1", avc.width(), avc.height(), box("avcC", avc.avcC()));
    }
    if (format instanceof TrackFormat.Hevc hevc) {
      return visual("hvc1", hevc.width(), hevc.height(), box("hvcC", hevc.hvcC()));
    }
    if (format instanceof TrackFormat.Av1 av1) {
      return visual("av01", av1.width(), av1.height(), box("av1C", av1.av1C()));
    }
    return mp4a((TrackFormat.Aac) format);
  }

  /** SampleEntry (8.5.2.2) then VisualSampleEntry (12.1.3.2) fields, then the config box. */
  static byte[] visual(String type, int width, int height, byte[] configuration) {
    byte[] fields =
        new Fields()
            .zeros(6)
            .u16(DATA_REFERENCE_INDEX)
            .u16(0) // pre_defined
            .u16(0) // reserved
            .zeros(12) // pre_defined[3]
            .u16(width)
            .u16(height)
            .u32(RESOLUTION_72_DPI)
            .u32(RESOLUTION_72_DPI)
            .u32(0) // reserved
            .u16(1) // frame_count: one frame per sample
            .zeros(32) // compressorname: empty, its length byte 0
            .u16(DEPTH_COLOUR_NO_ALPHA)
            .u16(0xFFFF) // pre_defined = -1
            .toBytes();
    return box(type, fields, configuration);
  }

  /**
   * AudioSampleEntry (12.2.3.2). Its samplerate is 16.16 fixed point, so 88.2 and 96 kHz do not
   * fit; 0 is written then, and the decoder takes the rate from the AudioSpecificConfig as it
   * always does for AAC.
   */
  static byte[] mp4a(TrackFormat.Aac aac) {
    int rate = aac.sampleRate() <= 0xFFFF ? aac.sampleRate() : 0;
    byte[] fields =
        new Fields()
            .zeros(6)
            .u16(DATA_REFERENCE_INDEX)
            .zeros(8) // reserved[2]
            .u16(aac.channels())
            .u16(16) // samplesize
            .u16(0) // pre_defined
            .u16(0) // reserved
            .fixed16(rate)
            .toBytes();
    return box("mp4a", fields, esds(aac));
  }

  /**
   * esds (ISO/IEC 14496-14): an ES_Descriptor (14496-1 7.2.6.5) holding a DecoderConfigDescriptor
   * (7.2.6.6) with the AudioSpecificConfig as DecoderSpecificInfo, and the SLConfigDescriptor with
   * predefined = 2 that MP4 files use (14496-14). ES_ID is 0, as stored in a file. Bit rates are
   * unknown for a live source: 0 means variable.
   */
  static byte[] esds(TrackFormat.Aac aac) {
    byte[] specificInfo = descriptor(DECODER_SPECIFIC_INFO, aac.audioSpecificConfig());
    byte[] decoderConfig =
        descriptor(
            DECODER_CONFIG_DESCRIPTOR,
            new Fields()
                .u8(OBJECT_TYPE_MPEG4_AUDIO)
                .u8(STREAM_TYPE_AUDIO << 2 | 1) // upStream 0, reserved 1
                .u24(AAC_BUFFER_BYTES_PER_CHANNEL * aac.channels()) // bufferSizeDB
                .u32(0) // maxBitrate
                .u32(0) // avgBitrate
                .bytes(specificInfo)
                .toBytes());
    byte[] slConfig = descriptor(SL_CONFIG_DESCRIPTOR, new byte[] {2});
    byte[] es =
        descriptor(
            ES_DESCRIPTOR,
            new Fields().u16(0).u8(0).bytes(decoderConfig).bytes(slConfig).toBytes());
    return fullBox("esds", 0, 0, es);
  }

  /** A tag, the size in the expandable form (14496-1 8.3.3: 7 bits a byte, high bit = more). */
  static byte[] descriptor(int tag, byte[] body) {
    Fields out = new Fields(body.length + 5).u8(tag);
    int size = body.length;
    int shift = 21;
    while (shift > 0 && size >>> shift == 0) {
      shift -= 7;
    }
    for (; shift > 0; shift -= 7) {
      out.u8(0x80 | (size >>> shift) & 0x7F);
    }
    return out.u8(size & 0x7F).bytes(body).toBytes();
  }
}
