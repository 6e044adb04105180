package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each box writer against its bytes written out by hand from ISO/IEC 14496-12 and 14496-1. */
class BoxWriterTest {

  static final String UNITY_MATRIX =
      "00010000 00000000 00000000  00000000 00010000 00000000  00000000 00000000 40000000";

  static final TrackFormat.Avc AVC = TrackFormat.avc(AnnotatedHex.parse(TrackFormatTest.AVC_C));
  static final TrackFormat.Aac AAC = TrackFormat.aac(AnnotatedHex.parse("12 08"));

  static Stream<Arguments> vectors() {
    return Stream.of(movieBoxes(), sampleEntries(), fragmentBoxes()).flatMap(s -> s);
  }

  static Stream<Arguments> movieBoxes() {
    return Stream.of(
        vector("ftyp", InitSegment::ftyp, "00000018 'ftyp' 'cmfc' 00000000 'cmfc' 'iso6'"),
        vector("styp", MediaSegment::styp, "00000018 'styp' 'cmfs' 00000000 'cmfs' 'cmff'"),
        vector(
            "mvhd",
            InitSegment::mvhd,
            """
            0000006c 'mvhd' 00 000000
            00000000 00000000   # creation and modification time: none
            000003e8 00000000   # timescale 1000, duration 0: unknown while live
            00010000 0100       # rate 1.0, volume 1.0
            0000 00000000 00000000  # reserved
            """
                + UNITY_MATRIX
                + """
                000000000000000000000000000000000000000000000000  # pre_defined[6]
                00000002            # next_track_ID
                """),
        vector(
            "tkhd of 320x180 video",
            () -> InitSegment.tkhd(AVC),
            """
            0000005c 'tkhd' 00 000003   # track_enabled | track_in_movie
            00000000 00000000 00000001 00000000 00000000  # times, track_ID 1, reserved, duration
            00000000 00000000 0000 0000  # reserved, layer, alternate_group
            0000 0000                   # volume 0 for video, reserved
            """
                + UNITY_MATRIX
                + "01400000 00b40000  # 320.0 x 180.0"),
        vector(
            "tkhd of audio: full volume, no size",
            () -> InitSegment.tkhd(AAC),
            "0000005c 'tkhd' 00 000003 00000000 00000000 00000001 00000000 00000000"
                + " 00000000 00000000 0000 0000 0100 0000 "
                + UNITY_MATRIX
                + " 00000000 00000000"),
        vector(
            "mdhd at 90 kHz",
            () -> InitSegment.mdhd(AVC),
            "00000020 'mdhd' 00000000 00000000 00000000 00015f90 00000000 55c4 0000 # 'und'"),
        vector(
            "hdlr for video",
            () -> InitSegment.hdlr(AVC),
            "0000002d 'hdlr' 00000000 00000000 'vide' 000000000000000000000000 'VideoHandler' 00"),
        vector("vmhd", InitSegment::vmhd, "00000014 'vmhd' 00 000001 0000 000000000000"),
        vector("smhd", InitSegment::smhd, "00000010 'smhd' 00000000 0000 0000"),
        vector(
            "dinf with a self-contained url",
            InitSegment::dinf,
            "00000024 'dinf' 0000001c 'dref' 00000000 00000001  0000000c 'url ' 00 000001"),
        vector(
            "mvex with trex defaults of 0",
            InitSegment::mvex,
            "00000028 'mvex' 00000020 'trex' 00000000 00000001 00000001 00000000 00000000 00000000"));
  }

  static Stream<Arguments> sampleEntries() {
    return Stream.of(
        vector(
            "avc1 around the sample's avcC",
            () -> SampleEntries.of(AVC),
            """
            0000008b 'avc1' 000000000000 0001   # reserved, data_reference_index 1
            0000 0000 000000000000000000000000  # pre_defined, reserved, pre_defined[3]
            0140 00b4                           # 320 x 180
            00480000 00480000 00000000 0001     # 72 dpi, 72 dpi, reserved, frame_count 1
            0000000000000000000000000000000000000000000000000000000000000000  # compressorname
            0018 ffff                           # depth 24, pre_defined -1
            00000035 'avcC'
            """
                + TrackFormatTest.AVC_C),
        vector(
            "av01 around an av1C",
            () ->
                SampleEntries.of(
                    new TrackFormat.Av1(AnnotatedHex.parse(TrackFormatTest.AV1_C), 320, 180)),
            "0000006f 'av01' 000000000000 0001 0000 0000 000000000000000000000000 0140 00b4"
                + " 00480000 00480000 00000000 0001 "
                + "00".repeat(32)
                + " 0018 ffff 00000019 'av1C' "
                + TrackFormatTest.AV1_C),
        vector(
            "stbl of AAC: mp4a with esds, then empty tables",
            () -> InitSegment.stbl(AAC),
            """
            000000a7 'stbl'
              0000005b 'stsd' 00000000 00000001
                0000004b 'mp4a' 000000000000 0001 0000000000000000
                  0001 0010 0000 0000 ac440000   # mono, 16 bit, 44100.0 Hz
                  00000027 'esds' 00000000
                    03 19 0000 00                # ES_Descriptor: 25 bytes, ES_ID 0, no flags
                      04 11 40 15                # DecoderConfig: 17 bytes, MPEG-4 audio, stream 5
                        000300 00000000 00000000 # bufferSizeDB 768, bit rates unknown
                        05 02 1208               # DecoderSpecificInfo: the AudioSpecificConfig
                      06 01 02                   # SLConfigDescriptor predefined 2
              00000010 'stts' 00000000 00000000
              00000010 'stsc' 00000000 00000000
              00000014 'stsz' 00000000 00000000 00000000
              00000010 'stco' 00000000 00000000
            """));
  }

  static Stream<Arguments> fragmentBoxes() {
    return Stream.of(
        vector("mfhd", () -> MediaSegment.mfhd(7), "00000010 'mfhd' 00000000 00000007"),
        vector(
            "tfhd of video: default-base-is-moof",
            () -> MediaSegment.tfhd(false),
            "00000010 'tfhd' 00 020000 00000001"),
        vector(
            "tfhd of audio: default sample flags sync",
            () -> MediaSegment.tfhd(true),
            "00000014 'tfhd' 00 020020 00000001 02000000"),
        vector(
            "tfdt version 1 past 32 bits",
            () -> MediaSegment.tfdt(1L << 32),
            "00000014 'tfdt' 01 000000 0000000100000000"),
        vector(
            "fragment of two video samples, one with a negative composition offset",
            () ->
                MediaSegment.fragment(
                    7,
                    List.of(
                        new Sample(9000, 3000, 6000, true, AnnotatedHex.parse("aabb")),
                        new Sample(12000, 3000, -3000, false, AnnotatedHex.parse("cc")))),
            """
            00000078 'moof'
              00000010 'mfhd' 00000000 00000007
              00000060 'traf'
                00000010 'tfhd' 00 020000 00000001
                00000014 'tfdt' 01 000000 0000000000002328   # 9000
                00000034 'trun' 01 000f01 00000002 00000080  # 2 samples, data at moof + 128
                  00000bb8 00000002 02000000 00001770        # 3000, 2 bytes, sync, +6000
                  00000bb8 00000001 01010000 fffff448        # 3000, 1 byte, non-sync, -3000
            0000000b 'mdat' aabb cc
            """),
        vector(
            "fragment of two audio samples: flags in tfhd, trun without them",
            () ->
                MediaSegment.fragment(
                    1,
                    List.of(
                        new Sample(1024, 1024, 0, true, AnnotatedHex.parse("11")),
                        new Sample(2048, 1024, 0, true, AnnotatedHex.parse("2233")))),
            """
            0000006c 'moof'
              00000010 'mfhd' 00000000 00000001
              00000054 'traf'
                00000014 'tfhd' 00 020020 00000001 02000000
                00000014 'tfdt' 01 000000 0000000000000400
                00000024 'trun' 01 000301 00000002 00000074
                  00000400 00000001
                  00000400 00000002
            0000000b 'mdat' 11 2233
            """),
        vector(
            "descriptor sizes of 127, 128 and 16384 bytes",
            () ->
                Box.concat(
                    head(SampleEntries.descriptor(5, new byte[127]), 2),
                    head(SampleEntries.descriptor(5, new byte[128]), 3),
                    head(SampleEntries.descriptor(5, new byte[16384]), 4)),
            "05 7f  05 81 00  05 81 80 00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void writesTheBoxByteForByte(String name, Supplier<byte[]> writer, String annotatedHex) {
    assertThat(HexFormat.of().formatHex(writer.get()))
        .isEqualTo(HexFormat.of().formatHex(AnnotatedHex.parse(annotatedHex)));
  }

  private static Arguments vector(String name, Supplier<byte[]> writer, String annotatedHex) {
    return Arguments.of(name, writer, annotatedHex);
  }

  private static byte[] head(byte[] bytes, int length) {
    return java.util.Arrays.copyOf(bytes, length);
  }
}
