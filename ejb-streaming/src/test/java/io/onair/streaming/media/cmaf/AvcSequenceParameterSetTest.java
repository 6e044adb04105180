package io.onair.streaming.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPS NAL units from x264 (through ffmpeg 5.1's libx264, one frame of testsrc2 each, the options in
 * the names), and what ffprobe says their pictures are.
 */
class AvcSequenceParameterSetTest {

  /** name, SPS, profile_idc, level_idc, chroma_format_idc, frame_mbs_only, width, height. */
  static Stream<Arguments> x264() {
    return Stream.of(
        Arguments.of(
            "640x360 baseline (-profile:v baseline)",
            "67 42 c0 1e d9 00 a0 2f f9 70 11 00 00 03 00 01 00 00 03 00 3c 0f 16 2e 48",
            66,
            30,
            1,
            true,
            640,
            360),
        Arguments.of(
            "1280x720 high",
            "67 64 00 1f ac d9 40 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 19 60",
            100,
            31,
            1,
            true,
            1280,
            720),
        Arguments.of(
            "1920x1080 high: 1088 coded rows, 8 cropped at the bottom",
            "67 64 00 28 ac d9 40 78 02 27 e5 c0 44 00 00 03 00 04 00 00 03 00 f0 3c 60 c6 58",
            100,
            40,
            1,
            true,
            1920,
            1080),
        Arguments.of(
            "1920x1080 interlaced high (-flags +ildct, tff): map units are field pairs",
            "67 64 00 28 ac d9 40 78 04 4f de 02 20 00 00 03 00 20 00 00 07 83 e2 c5 b2 c0",
            100,
            40,
            1,
            false,
            1920,
            1080),
        Arguments.of(
            "320x180 high: 192 coded rows, cropped in 2-row chroma units",
            "67 64 00 0d ac d9 41 41 9f 9f 01 10 00 00 03 00 10 00 00 03 03 c0 f1 42 99 60",
            100,
            13,
            1,
            true,
            320,
            180),
        Arguments.of(
            "320x180 high 4:4:4 (yuv444p): crop unit is one row",
            "67 f4 00 0d 91 9b 28 28 33 f1 b8 08 80 00 00 03 00 80 00 00 1e 07 8a 14 cb",
            244,
            13,
            3,
            true,
            320,
            180),
        Arguments.of(
            "352x288 high 4:2:2 (yuv422p)",
            "67 7a 00 0d bc d9 41 60 96 c0 44 00 00 03 00 04 00 00 03 00 f0 3c 50 a6 58",
            122,
            13,
            2,
            true,
            352,
            288));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("x264")
  void readsThePictureSizeOfX264Streams(
      String name,
      String hex,
      int profile,
      int level,
      int chroma,
      boolean frameMbsOnly,
      int width,
      int height) {
    AvcSequenceParameterSet sps = AvcSequenceParameterSet.parse(AnnotatedHex.parse(hex));
    assertThat(sps.profileIdc()).isEqualTo(profile);
    assertThat(sps.levelIdc()).isEqualTo(level);
    assertThat(sps.chromaFormatIdc()).isEqualTo(chroma);
    assertThat(sps.frameMbsOnly()).isEqualTo(frameMbsOnly);
    assertThat(sps.width()).isEqualTo(width);
    assertThat(sps.height()).isEqualTo(height);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("x264")
  void everyTruncationIsAnErrorNamingAField(String name, String hex) {
    byte[] sps = AnnotatedHex.parse(hex);
    // x264 ends with VUI, which is not read: cut only into the fields before it (~10 bytes).
    for (int length = 0; length < 9; length++) {
      byte[] cut = Arrays.copyOf(sps, length);
      assertThatThrownBy(() -> AvcSequenceParameterSet.parse(cut))
          .isInstanceOf(MediaFormatException.class)
          .satisfies(e -> assertThat(((MediaFormatException) e).field()).startsWith("SPS"));
    }
  }

  /**
   * seq_scaling_matrix_present_flag with one 4x4 list that ends early (a delta to 0 stops it) and
   * one full 8x8 list: the fields after them must still read 1280x720.
   */
  @Test
  void skipsScalingListsOfHighProfiles() {
    BitWriter w = new BitWriter().u(8, 0x67).u(8, 100).u(8, 0).u(8, 31).ue(0); // header, sps id 0
    w.ue(1).ue(0).ue(0).u(1, 0); // 4:2:0, 8-bit luma and chroma, no transform bypass
    w.u(1, 1); // seq_scaling_matrix_present_flag
    w.u(1, 1).se(5).se(-13); // list 0: 8 -> 13 -> 0, the rest repeat 13
    w.u(1, 0).u(1, 0).u(1, 0).u(1, 0).u(1, 0); // lists 1 to 5 absent
    w.u(1, 1);
    for (int j = 0; j < 64; j++) {
      w.se(j % 2 == 0 ? 3 : -2); // list 6: 64 deltas
    }
    w.u(1, 0); // list 7 absent
    w.ue(0).ue(0).ue(4).ue(4); // frame_num, poc type 0 and its lsb, max_num_ref_frames
    w.u(1, 0).ue(79).ue(44).u(1, 1).u(1, 1).u(1, 0).u(1, 0); // 80 x 45 MBs, no crop, no VUI
    AvcSequenceParameterSet sps = AvcSequenceParameterSet.parse(w.toBytes());
    assertThat(sps.width()).isEqualTo(1280);
    assertThat(sps.height()).isEqualTo(720);
  }

  @Test
  void pictureOrderCountType1CyclesAreSkipped() {
    BitWriter w = new BitWriter().u(8, 0x67).u(8, 77).u(8, 0).u(8, 30).ue(0);
    w.ue(0).ue(1).u(1, 0).se(-2).se(1).ue(3).se(1).se(-1).se(2); // poc type 1, cycle of 3
    w.ue(2).u(1, 0).ue(39).ue(29).u(1, 1).u(1, 1); // 640 x 480
    w.u(1, 1).ue(0).ue(0).ue(0).ue(8).u(1, 0); // crop 16 rows at the bottom
    AvcSequenceParameterSet sps = AvcSequenceParameterSet.parse(w.toBytes());
    assertThat(sps.width()).isEqualTo(640);
    assertThat(sps.height()).isEqualTo(464);
  }

  @Test
  void emulationPreventionBytesAreRemovedBeforeReading() {
    assertThat(BitReader.unescapeRbsp(AnnotatedHex.parse("00 00 03 01 00 00 03 00 03"), 0, 9))
        .isEqualTo(AnnotatedHex.parse("00 00 01 00 00 00 03"));
  }

  @Test
  void refusesWhatIsNotAnSps() {
    assertThatThrownBy(() -> AvcSequenceParameterSet.parse(AnnotatedHex.parse("68 ce 38 80")))
        .isInstanceOf(MediaFormatException.class)
        .hasMessage("SPS nal_unit_type 8: must be 7");
  }

  @Test
  void refusesSizesBeyondTheLimits() {
    BitWriter w = new BitWriter().u(8, 0x67).u(8, 66).u(8, 0).u(8, 30).ue(0);
    w.ue(0).ue(2).ue(1).u(1, 0).ue(5000); // pic_width_in_mbs_minus1 5000
    assertThatThrownBy(() -> AvcSequenceParameterSet.parse(w.toBytes()))
        .isInstanceOf(MediaFormatException.class)
        .hasMessage("SPS pic_width_in_mbs_minus1 5000: at most 1023");
  }

  @Test
  void refusesACropLargerThanThePicture() {
    BitWriter w = new BitWriter().u(8, 0x67).u(8, 66).u(8, 0).u(8, 30).ue(0);
    w.ue(0).ue(2).ue(1).u(1, 0).ue(0).ue(0).u(1, 1).u(1, 1); // one macroblock
    w.u(1, 1).ue(4).ue(4).ue(0).ue(0); // crop 8 + 8 of its 16 columns
    assertThatThrownBy(() -> AvcSequenceParameterSet.parse(w.toBytes()))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageStartingWith("SPS frame_crop offsets");
  }

  @Test
  void anExpGolombCodeOfMoreThan31LeadingZerosIsRefused() {
    byte[] sps = HexFormat.of().parseHex("674200" + "1e" + "0000000000");
    assertThatThrownBy(() -> AvcSequenceParameterSet.parse(sps))
        .isInstanceOf(MediaFormatException.class)
        .hasMessageContaining("leading zero bits");
  }
}
