package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configured ladder's one-line syntax: what it reads, what it writes, what it refuses. */
class LadderSyntaxTest {

  @Test
  void readsEveryOptionOfARung() {
    TranscodeLadder ladder =
        LadderSyntax.parse(
            "720p:1280x720@3000k,fps=30,preset=veryfast,profile=high,audio=128k;480p:854x480@1400k");

    assertThat(ladder.rungs())
        .containsExactly(
            new Rung(
                "720p",
                1280,
                720,
                3_000_000,
                Optional.of(FrameRate.of(30)),
                X264Preset.VERYFAST,
                X264Profile.HIGH,
                128_000),
            Rung.of("480p", 854, 480, 1_400_000));
  }

  @Test
  void omittedOptionsAreTheSourcesFrameRateVeryfastHighAnd128k() {
    Rung rung = LadderSyntax.parse("480p:854x480@1400k").rungs().get(0);

    assertThat(rung.maxFrameRate()).isEmpty();
    assertThat(rung.preset()).isEqualTo(X264Preset.VERYFAST);
    assertThat(rung.profile()).isEqualTo(X264Profile.HIGH);
    assertThat(rung.audioBitrate()).isEqualTo(128_000);
  }

  @Test
  void optionsMayComeInAnyOrderAndWhitespaceAroundSeparatorsIsIgnored() {
    TranscodeLadder ladder =
        LadderSyntax.parse(
            "  360p : 640x360 @ 800k , audio = 96k , profile = main , fps = 30000/1001 ;\n"
                + "  240p:426x240@2M,preset=ultrafast,fps=source  ");

    Rung first = ladder.rungs().get(0);
    assertThat(first.name()).isEqualTo("360p");
    assertThat(first.videoBitrate()).isEqualTo(800_000);
    assertThat(first.audioBitrate()).isEqualTo(96_000);
    assertThat(first.profile()).isEqualTo(X264Profile.MAIN);
    assertThat(first.maxFrameRate()).contains(new FrameRate(30_000, 1_001));
    Rung second = ladder.rungs().get(1);
    assertThat(second.videoBitrate()).as("M is Mbit/s").isEqualTo(2_000_000);
    assertThat(second.preset()).isEqualTo(X264Preset.ULTRAFAST);
    assertThat(second.maxFrameRate()).isEmpty();
  }

  @Test
  void aSquareLadderForPhoneFirstStreams() {
    TranscodeLadder ladder = LadderSyntax.parse("720x720:720x720@2000k;400x400:400x400@800k");

    assertThat(ladder.rungs())
        .extracting(r -> r.name() + "=" + r.width() + "x" + r.height())
        .containsExactly("720x720=720x720", "400x400=400x400");
  }

  @Test
  void noneIsTheEmptyLadder() {
    assertThat(LadderSyntax.parse("none").rungs()).isEmpty();
    assertThat(LadderSyntax.parse(" none ").rungs()).isEmpty();
    assertThat(LadderSyntax.format(TranscodeLadder.none())).isEqualTo("none");
  }

  @Test
  void theDefaultLadderWrittenOut() {
    assertThat(LadderSyntax.format(TranscodeLadder.DEFAULT))
        .isEqualTo(
            "720p:1280x720@3000k,fps=30,preset=veryfast,profile=high,audio=128k;"
                + "480p:854x480@1400k,fps=30,preset=veryfast,profile=high,audio=128k;"
                + "360p:640x360@800k,fps=30,preset=veryfast,profile=main,audio=128k");
  }

  @Test
  void whatIsWrittenReadsBackAsTheSameLadder() {
    TranscodeLadder ladder =
        LadderSyntax.parse(
            "1080p60:1920x1080@6M,fps=60,preset=faster;"
                + "720p:1280x720@3000k,fps=30000/1001,audio=160k;"
                + "sq-400:400x400@800k,profile=baseline,preset=placebo,audio=64k");

    String written = LadderSyntax.format(ladder);

    assertThat(LadderSyntax.parse(written)).isEqualTo(ladder);
    assertThat(written).contains("1080p60:1920x1080@6000k,fps=60,preset=faster");
    assertThat(LadderSyntax.parse(LadderSyntax.format(TranscodeLadder.DEFAULT)))
        .isEqualTo(TranscodeLadder.DEFAULT);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"| the ladder is empty: write 'none' for no transcoding",
        "\"   \"| the ladder is empty",
        "720p| rung 1 '720p': expected name:WIDTHxHEIGHT@BITRATE, e.g. 720p:1280x720@3000k",
        "720p:1280x720| rung 1 '720p:1280x720': expected WIDTHxHEIGHT@BITRATE after the name",
        "720p:1280x720@3000k;| rung 2 '': nothing between two ';' (or a ';' at an end)",
        "720p:1280x720@3000k;;480p:854x480@1M| rung 2 '': nothing between two ';'",
        "720P:1280x720@3000k| rung 1 '720P:1280x720@3000k': rung name '720P' is not a rendition"
            + " name: 1 to 32 lower-case letters, digits and inner hyphens",
        "-720p:1280x720@3000k| rung name '-720p' is not a rendition name",
        "source:1280x720@3000k| rung name 'source' is taken by the passthrough of the source",
        "720p:1280*720@3000k| size '1280*720' is not WIDTHxHEIGHT in pixels, e.g. 1280x720",
        "720p:1280x719@3000k| rung 720p: height 719 must be even and from 2 to 8192",
        "720p:0x720@3000k| rung 720p: width 0 must be even and from 2 to 8192",
        "720p:10000x720@3000k| rung 720p: width 10000 must be even and from 2 to 8192",
        "720p:1280x720@3000| video bit rate '3000' needs a whole number and its unit, k (kbit/s)"
            + " or M (Mbit/s), e.g. 3000k",
        "720p:1280x720@3.5M| video bit rate '3.5M' needs a whole number and its unit",
        "720p:1280x720@3000kbps| video bit rate '3000kbps' needs a whole number and its unit",
        "720p:1280x720@0k| rung 720p: video bit rate 0 must be positive whole kbit/s",
        "720p:1280x720@3000k,fps=29.97| fps '29.97' is not a frame rate: source, a whole number"
            + " such as 30, or a ratio such as 30000/1001",
        "720p:1280x720@3000k,fps=0| fps '0' must be above 0",
        "720p:1280x720@3000k,fps=30/0| fps '30/0' must be above 0",
        "720p:1280x720@3000k,preset=superslow| preset 'superslow' is not an x264 preset:"
            + " ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow,"
            + " placebo",
        "720p:1280x720@3000k,profile=high10| profile 'high10' is not one of baseline, main,"
            + " high (8-bit 4:2:0 H.264)",
        "720p:1280x720@3000k,audio=128| audio bit rate '128' needs a whole number and its unit",
        "720p:1280x720@3000k,tune=zerolatency| unknown option 'tune' (known: fps, preset,"
            + " profile, audio)",
        "720p:1280x720@3000k,fps| option 'fps' is not key=value",
        "720p:1280x720@3000k,fps=30,fps=25| option 'fps' is given twice",
        "720p:1280x720@3000k,| option '' is not key=value",
        "720p:1280x720@3000k;720p:1280x720@2000k| rung 2 '720p:1280x720@2000k': the name is used"
            + " by an earlier rung",
      })
  void refusesBadInputNamingTheRungAndTheProblem(String text, String message) {
    assertThatThrownBy(() -> LadderSyntax.parse(text))
        .isInstanceOf(LadderSyntaxException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theMessageNamesTheRungByPositionAndText() {
    assertThatThrownBy(
            () -> LadderSyntax.parse("720p:1280x720@3000k;480p:854x480@1400k,fps=3O;360p:x@1k"))
        .hasMessage(
            "rung 2 '480p:854x480@1400k,fps=3O': fps '3O' is not a frame rate: source, a whole"
                + " number such as 30, or a ratio such as 30000/1001");
  }
}
