package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Track formats from real configuration records, their codecs strings, and bad records. */
class TrackFormatTest {

  /** The AVC sequence header of testdata/sample.flv: High 1.3, 4-byte lengths, one SPS, one PPS. */
  static final String AVC_C =
      """
      01 64 00 0d ff    # version 1, High, compatibility 0, level 1.3, lengthSizeMinusOne 3
      e1 001a           # one SPS of 26 bytes
        6764000dacd941419f9f0110000003001000000303c0f1429960
      01 0004 68efbcb0  # one PPS of 4 bytes
      fdf8f800          # High profile extension: chroma, bit depths, no SPS extensions
      """;

  /**
   * x265's hvcC for 320x180 Main (ffmpeg 5.1 libx265, -tag:v hvc1), its SEI array left out: Main,
   * level 2 (60), progressive-source constraint flag.
   */
  static final String HVC_C =
      """
      01 01 60000000 900000000000 3c f000 fc fd f8 f8 0000 0f
      03                       # three arrays: VPS, SPS, PPS
      a0 0001 0018             # VPS, one of 24 bytes
        40010c01ffff01600000030090000003000003003c959809
      a1 0001 002b             # SPS, one of 43 bytes
        42010101600000030090000003000003003ca00a080b9f796566924caf016808000003000800000300f040
      a2 0001 0007 4401c172b46240  # PPS, one of 7 bytes
      """;

  /**
   * libaom's av1C for 320x180: main profile, level 2.0 (0), 8-bit 4:2:0, then a sequence header.
   */
  static final String AV1_C = "81 00 0c 00  0a0b000000043cfeccdaf90040";

  @Test
  void avcTakesItsPictureSizeFromTheSps() {
    TrackFormat.Avc avc = TrackFormat.avc(AnnotatedHex.parse(AVC_C));
    assertThat(avc.width()).isEqualTo(320);
    assertThat(avc.height()).isEqualTo(180);
    assertThat(avc.timescale()).isEqualTo(90_000);
    assertThat(avc.codecs()).isEqualTo("avc1.64000d");
    AvcDecoderConfiguration config = AvcDecoderConfiguration.parse(avc.avcC());
    assertThat(config.nalUnitLengthSize()).isEqualTo(4);
    assertThat(config.pictureParameterSets()).hasSize(1);
  }

  @Test
  void hevcCodecsStringFollows14496_15AnnexE() {
    TrackFormat.Hevc hevc = new TrackFormat.Hevc(AnnotatedHex.parse(HVC_C), 320, 180);
    assertThat(hevc.codecs()).isEqualTo("hvc1.1.6.L60.90");
  }

  @Test
  void av1CodecsStringFollowsTheAv1IsoBinding() {
    TrackFormat.Av1 av1 = new TrackFormat.Av1(AnnotatedHex.parse(AV1_C), 320, 180);
    assertThat(av1.codecs()).isEqualTo("av01.0.00M.08");
  }

  @Test
  void aacRunsAtItsSampleRate() {
    TrackFormat.Aac aac = TrackFormat.aac(AnnotatedHex.parse("11 90"));
    assertThat(aac.timescale()).isEqualTo(48_000);
    assertThat(aac.channels()).isEqualTo(2);
    assertThat(aac.codecs()).isEqualTo("mp4a.40.2");
    assertThat(TrackFormat.aac(AnnotatedHex.parse("2b 11 88 00")).codecs()).isEqualTo("mp4a.40.5");
  }

  @Test
  void configurationBytesAreCopiedInAndOut() {
    byte[] avcC = AnnotatedHex.parse(AVC_C);
    TrackFormat.Avc avc = TrackFormat.avc(avcC);
    avcC[1] = 0;
    avc.avcC()[2] = 9;
    assertThat(avc.codecs()).isEqualTo("avc1.64000d");
  }

  @Test
  void everyTruncatedAvcCIsAnErrorNamingTheField() {
    byte[] avcC = AnnotatedHex.parse(AVC_C);
    for (int length = 0; length < 40; length++) {
      byte[] cut = Arrays.copyOf(avcC, length);
      assertThatThrownBy(() -> TrackFormat.avc(cut))
          .isInstanceOf(MediaFormatException.class)
          .satisfies(e -> assertThat(((MediaFormatException) e).field()).startsWith("avcC"));
    }
  }

  @Test
  void everyTruncatedHvcCIsAnErrorNamingTheField() {
    byte[] hvcC = AnnotatedHex.parse(HVC_C);
    for (int length = 0; length < hvcC.length; length++) {
      byte[] cut = Arrays.copyOf(hvcC, length);
      assertThatThrownBy(() -> new TrackFormat.Hevc(cut, 320, 180))
          .isInstanceOf(MediaFormatException.class)
          .satisfies(e -> assertThat(((MediaFormatException) e).field()).startsWith("hvcC"));
    }
  }

  @Test
  void aLengthPastTheRecordIsRefusedBeforeAnythingIsAllocated() {
    assertThatThrownBy(
            () -> AvcDecoderConfiguration.parse(AnnotatedHex.parse("01640028ff e1 ffff 67")))
        .isInstanceOf(MediaFormatException.class)
        .hasMessage("avcC SPS NAL unit 65535 bytes: only 1 of the 9 bytes are left at offset 8");
  }

  @Test
  void badRecordsAndSizesAreRefused() {
    assertThatThrownBy(() -> TrackFormat.avc(AnnotatedHex.parse("02640028ff e0 00")))
        .hasMessage("avcC configurationVersion 2: must be 1");
    assertThatThrownBy(() -> TrackFormat.avc(AnnotatedHex.parse("01640028fe e1 0001 67 00")))
        .hasMessage("avcC lengthSizeMinusOne 2: must be 0, 1 or 3");
    assertThatThrownBy(() -> TrackFormat.avc(AnnotatedHex.parse("01640028ff e0 00")))
        .hasMessage("avcC numOfSequenceParameterSets 0: must be at least 1");
    assertThatThrownBy(() -> TrackFormat.avc(new byte[70_000]))
        .hasMessage("avcC size 70000: at most 65536 bytes");
    assertThatThrownBy(() -> new TrackFormat.Av1(AnnotatedHex.parse("01 00 0c 00"), 320, 180))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageStartingWith("av1C marker and version 1");
    assertThatThrownBy(() -> new TrackFormat.Av1(AnnotatedHex.parse(AV1_C), 0, 180))
        .hasMessage("picture size 0 x 180: must be 1 to 65535 in each direction");
  }
}
