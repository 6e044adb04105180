package io.onair.rtmp.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Video and audio tag headers as OBS, ffmpeg and GStreamer send them, legacy and enhanced. */
class MediaTagParserTest {

  private static byte[] hex(String annotated) {
    return HexFormat.of().parseHex(annotated.replaceAll("[\\s|]", ""));
  }

  /** name, payload, codec, kind, composition offset, data offset. */
  static Stream<Arguments> video() {
    return Stream.of(
        Arguments.of(
            "AVC sequence header",
            hex("17 | 00 | 000000 | 01640028ff"),
            Codec.AVC,
            FrameKind.SEQUENCE_START,
            0,
            5),
        Arguments.of(
            "AVC key frame with 80 ms composition time",
            hex("17 | 01 | 000050 | 00000005 65"),
            Codec.AVC,
            FrameKind.KEY_FRAME,
            80,
            5),
        Arguments.of(
            "AVC inter frame, negative composition time",
            hex("27 | 01 | ffffd8 | 00000002 41"),
            Codec.AVC,
            FrameKind.INTER_FRAME,
            -40,
            5),
        Arguments.of(
            "AVC end of sequence",
            hex("17 | 02 | 000000"),
            Codec.AVC,
            FrameKind.SEQUENCE_END,
            0,
            5),
        Arguments.of(
            "community HEVC id 12, key frame",
            hex("1c | 01 | 000000 | 00000003 26"),
            Codec.HEVC,
            FrameKind.KEY_FRAME,
            0,
            5),
        Arguments.of(
            "E-RTMP HEVC sequence start (OBS 30)",
            hex("90 | 68766331 | 01"),
            Codec.HEVC,
            FrameKind.SEQUENCE_START,
            0,
            5),
        Arguments.of(
            "E-RTMP HEVC coded frames with composition time",
            hex("91 | 68766331 | 000021 | 0000"),
            Codec.HEVC,
            FrameKind.KEY_FRAME,
            33,
            8),
        Arguments.of(
            "E-RTMP HEVC coded frames X: offset zero, left out",
            hex("a3 | 68766331 | 0000"),
            Codec.HEVC,
            FrameKind.INTER_FRAME,
            0,
            5),
        Arguments.of(
            "E-RTMP AV1 key frame: no composition time",
            hex("91 | 61763031 | 0a0b"),
            Codec.AV1,
            FrameKind.KEY_FRAME,
            0,
            5),
        Arguments.of(
            "E-RTMP VP9 sequence end",
            hex("92 | 76703039"),
            Codec.VP9,
            FrameKind.SEQUENCE_END,
            0,
            5),
        Arguments.of(
            "E-RTMP v2 AVC coded frames keep their composition time",
            hex("91 | 61766331 | 000028 | 00"),
            Codec.AVC,
            FrameKind.KEY_FRAME,
            40,
            8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("video")
  void videoTagsAreUnderstood(
      String name, byte[] payload, Codec codec, FrameKind kind, int offset, int dataOffset) {
    MediaTag tag = VideoTagParser.parse(1000, payload);
    assertThat(tag.codec()).contains(codec);
    assertThat(tag.kind()).isEqualTo(kind);
    assertThat(tag.compositionOffset()).isEqualTo(offset);
    assertThat(tag.pts()).isEqualTo(1000 + offset);
    assertThat(tag.dataOffset()).isEqualTo(dataOffset);
    assertThat(tag.data())
        .isEqualTo(ByteBuffer.wrap(payload, dataOffset, payload.length - dataOffset));
  }

  @Test
  void videoThatIsNotAFrameIsPassedOnAsOther() {
    assertThat(VideoTagParser.parse(0, hex("94 | 68766331 | 0200")).kind())
        .isEqualTo(FrameKind.OTHER); // metadata
    assertThat(VideoTagParser.parse(0, hex("96 | 00")).kind())
        .isEqualTo(FrameKind.OTHER); // multitrack
    assertThat(VideoTagParser.parse(0, hex("52 | 00")).kind())
        .isEqualTo(FrameKind.OTHER); // command, H.263
    assertThat(VideoTagParser.parse(0, hex("57 | 00")).kind())
        .isEqualTo(FrameKind.OTHER); // AVC command frame
    MediaTag unknown = VideoTagParser.parse(0, hex("91 | 78787878 | 00"));
    assertThat(unknown.codec()).isEmpty();
    assertThat(unknown.kind()).isEqualTo(FrameKind.OTHER);
  }

  @Test
  void audioTagsAreUnderstood() {
    MediaTag config = AudioTagParser.parse(0, hex("af | 00 | 1190"));
    assertThat(config.codec()).contains(Codec.AAC);
    assertThat(config.kind()).isEqualTo(FrameKind.SEQUENCE_START);
    assertThat(config.dataOffset()).isEqualTo(2);

    MediaTag raw = AudioTagParser.parse(23, hex("af | 01 | 21100504"));
    assertThat(raw.kind()).isEqualTo(FrameKind.KEY_FRAME);
    assertThat(raw.dts()).isEqualTo(23);

    assertThat(AudioTagParser.parse(0, hex("2f | fffb")).codec()).contains(Codec.MP3);

    MediaTag opus = AudioTagParser.parse(0, hex("90 | 4f707573 | 4f707573486561640102"));
    assertThat(opus.codec()).contains(Codec.OPUS);
    assertThat(opus.kind()).isEqualTo(FrameKind.SEQUENCE_START);
    assertThat(opus.dataOffset()).isEqualTo(5);
    assertThat(AudioTagParser.parse(0, hex("91 | 4f707573 | fc")).kind())
        .isEqualTo(FrameKind.KEY_FRAME);

    MediaTag speex = AudioTagParser.parse(0, hex("b2 | 00"));
    assertThat(speex.codec()).isEqualTo(Optional.empty());
    assertThat(speex.kind()).isEqualTo(FrameKind.OTHER);
  }

  @Test
  void aTagBecomesAMediaFrameWithTheCallersDecodeTime() {
    MediaTag key = VideoTagParser.parse(1000, hex("17 | 01 | 000050 | 00000005 65"));
    assertThat(key.isMediaFrame()).isTrue();
    MediaFrame frame = key.toMediaFrame(5_000_000_000L, true);
    assertThat(frame)
        .isEqualTo(
            new MediaFrame(
                MediaFrame.Track.VIDEO,
                "avc1",
                MediaFrame.Kind.KEY,
                5_000_000_000L,
                80,
                true,
                ByteBuffer.wrap(hex("00000005 65"))));

    assertThat(AudioTagParser.parse(0, hex("af | 00 | 1190")).toMediaFrame(0, false).kind())
        .isEqualTo(MediaFrame.Kind.CONFIG);
    assertThat(AudioTagParser.parse(0, hex("af | 00 | 1190")).toMediaFrame(0, false).track())
        .isEqualTo(MediaFrame.Track.AUDIO);
    assertThat(VideoTagParser.parse(0, hex("a3 | 68766331 | 00")).toMediaFrame(0, false).kind())
        .isEqualTo(MediaFrame.Kind.DELTA);
    assertThat(VideoTagParser.parse(0, hex("92 | 76703039")).toMediaFrame(0, false).kind())
        .isEqualTo(MediaFrame.Kind.END_OF_SEQUENCE);
  }

  @Test
  void whatIsNoMediaFrameSaysSo() {
    MediaTag command = VideoTagParser.parse(0, hex("57 | 00"));
    MediaTag speex = AudioTagParser.parse(0, hex("b2 | 00"));
    assertThat(command.isMediaFrame()).isFalse();
    assertThat(speex.isMediaFrame()).isFalse();
    assertThatThrownBy(() -> command.toMediaFrame(0, false))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTruncatedTagIsAProtocolErrorNamingTheField() {
    assertThatThrownBy(() -> VideoTagParser.parse(0, hex("17 | 01 | 00")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("video tag composition time missing");
    assertThatThrownBy(() -> VideoTagParser.parse(0, hex("91 | 6876")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("video tag FourCC missing");
    assertThatThrownBy(() -> AudioTagParser.parse(0, new byte[0]))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("audio tag header missing");
    assertThatThrownBy(() -> AudioTagParser.parse(0, hex("af")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("audio tag AAC packet type missing");
  }

  @Test
  void randomPayloadsYieldATagOrAProtocolError() {
    for (long seed = 0; seed < 20_000; seed++) {
      Random random = new Random(seed);
      byte[] payload = new byte[random.nextInt(12)];
      random.nextBytes(payload);
      for (boolean video : new boolean[] {true, false}) {
        try {
          MediaTag tag =
              video ? VideoTagParser.parse(seed, payload) : AudioTagParser.parse(seed, payload);
          assertThat(tag.dataOffset()).isBetween(0, payload.length);
        } catch (ProtocolException expected) {
          assertThat(expected.field()).isNotBlank();
        }
      }
    }
  }
}
