package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.media.manifest.FrameRate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole argv lists against the golden files in testdata/ (README.md there says how to run them).
 */
class FfmpegArgumentsTest {

  private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
  private static final RungSockets SOCKETS = new RungSockets(Path.of("/tmp/onair-42"));
  private static final TranscodeLadder SQUARE =
      LadderSyntax.parse("720x720:720x720@2000k,fps=30;400x400:400x400@800k,fps=30,profile=main");

  private static List<String> argv(SourceVideo source, TranscodeLadder ladder) {
    return FfmpegArguments.of(FFMPEG, TranscodePlan.of(source, ladder), SOCKETS);
  }

  @Test
  void defaultLadderFrom1080p30EncodesAllThreeRungs() {
    GoldenArgv.assertMatches(
        "default-1080p30.argv",
        argv(new SourceVideo(1920, 1080, FrameRate.of(30)), TranscodeLadder.DEFAULT));
  }

  @Test
  void defaultLadderFrom720pEncodesOnly480pAnd360p() {
    GoldenArgv.assertMatches(
        "default-720p30.argv",
        argv(new SourceVideo(1280, 720, FrameRate.of(30)), TranscodeLadder.DEFAULT));
  }

  @Test
  void defaultLadderFrom1080p60KeepsEverySecondFrameAndEveryKeyFrame() {
    GoldenArgv.assertMatches(
        "default-1080p60.argv",
        argv(new SourceVideo(1920, 1080, FrameRate.of(60)), TranscodeLadder.DEFAULT));
  }

  @Test
  void squareLadderFromA720x720SourceEncodesOnly400x400() {
    GoldenArgv.assertMatches(
        "square-720x720.argv", argv(new SourceVideo(720, 720, FrameRate.of(30)), SQUARE));
  }

  @Test
  void squareLadderFromA1080x1080SourceEncodesBothRungs() {
    GoldenArgv.assertMatches(
        "square-1080x1080.argv", argv(new SourceVideo(1080, 1080, FrameRate.of(30)), SQUARE));
  }

  @Test
  void aSourceBelowEveryRungNeedsNoFfmpegAtAll() {
    TranscodePlan plan =
        TranscodePlan.of(new SourceVideo(320, 180, FrameRate.of(30)), TranscodeLadder.DEFAULT);

    assertThat(plan.isEmpty()).isTrue();
    assertThatThrownBy(() -> FfmpegArguments.of(FFMPEG, plan, SOCKETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs no ffmpeg");
  }

  @Test
  void everyArgumentIsOneTokenWithoutWhitespaceOrShellSyntax() {
    List<String> argv =
        argv(new SourceVideo(1920, 1080, FrameRate.of(60)), TranscodeLadder.DEFAULT);

    assertThat(argv).noneMatch(a -> a.isEmpty() || a.chars().anyMatch(Character::isWhitespace));
    assertThat(argv).noneMatch(a -> a.contains("'") || a.contains("\"") || a.contains("$"));
  }

  @Test
  void eachRungGoesToItsOwnSocketAsFlvInTheLadderOrder() {
    List<String> argv =
        argv(new SourceVideo(1920, 1080, FrameRate.of(30)), TranscodeLadder.DEFAULT);

    assertThat(argv.stream().filter(a -> a.startsWith("unix:")))
        .containsExactly(
            "unix:/tmp/onair-42/720p.sock",
            "unix:/tmp/onair-42/480p.sock",
            "unix:/tmp/onair-42/360p.sock");
    assertThat(argv.stream().filter(a -> a.equals("pipe:0"))).hasSize(1);
  }

  @Test
  void theRungsSettingsReachTheirOwnOutput() {
    TranscodeLadder ladder =
        LadderSyntax.parse("540p:960x540@2200k,preset=faster,profile=main,audio=96k");
    List<String> argv = argv(new SourceVideo(1920, 1080, FrameRate.of(30)), ladder);

    assertThat(String.join(" ", argv))
        .contains(
            "-map [540p] -map 0:a:0? -c:v libx264 -preset:v faster -profile:v main"
                + " -b:v 2200k -maxrate:v 2200k -bufsize:v 4400k")
        .contains("-c:a aac -b:a 96k")
        .contains("scale=960:540,setsar=1,format=yuv420p[540p]");
  }
}
