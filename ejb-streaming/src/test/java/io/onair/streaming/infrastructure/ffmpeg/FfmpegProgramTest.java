package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram.Origin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a process of each kind of program is started with. */
class FfmpegProgramTest {

  private static final List<String> ARGV = List.of("/x/ffmpeg", "-version");

  @Test
  void theBundledProgramGetsItsOwnDirectoryAndOnlyThatAsLibraryPath() {
    FfmpegProgram bundled =
        new FfmpegProgram(Path.of("/tmp/onair-ffmpeg-0123/ffmpeg"), Origin.BUNDLED, "8.0.1");

    ProcessBuilder builder = bundled.processBuilder(ARGV);

    assertThat(builder.command()).isEqualTo(ARGV);
    assertThat(builder.environment()).containsEntry("LD_LIBRARY_PATH", "/tmp/onair-ffmpeg-0123");
  }

  @Test
  void aSystemProgramGetsTheServersEnvironmentUnchanged() {
    FfmpegProgram system = new FfmpegProgram(Path.of("/usr/bin/ffmpeg"), Origin.PATH, "5.1.6");

    ProcessBuilder builder = system.processBuilder(ARGV);

    assertThat(builder.environment()).isEqualTo(System.getenv());
  }

  @Test
  void itIsLoggedAsVersionOriginAndPath() {
    assertThat(new FfmpegProgram(Path.of("/usr/bin/ffmpeg"), Origin.PATH, "5.1.6-0+deb12u1"))
        .hasToString("ffmpeg 5.1.6-0+deb12u1 from PATH: /usr/bin/ffmpeg");
  }
}
