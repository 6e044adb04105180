package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a candidate with {@code -version}, with {@link FakeFfmpeg} scripts as candidates. */
class VersionProbeTest {

  @TempDir Path temp;

  private final VersionProbe probe = new VersionProbe(Duration.ofSeconds(10));

  @Test
  void runsTheProgramWithHideBannerAndVersionOnly() throws Exception {
    Path program =
        FakeFfmpeg.script(
            temp,
            "[ \"$*\" = '-hide_banner -version' ] && echo 'ffmpeg version 7.1 Copyright'"
                + " || echo \"called with $*\"");

    assertThat(probe.probe(program, Origin.PATH))
        .isEqualTo(new FfmpegProgram(program, Origin.PATH, "7.1"));
  }

  @Test
  void theBundledOneIsRunWithItsDirectoryAsLibraryPath() throws Exception {
    Path program =
        FakeFfmpeg.script(
            temp,
            "[ \"$LD_LIBRARY_PATH\" = '"
                + temp
                + "' ] && echo 'ffmpeg version 8.0.1' || echo \"LD_LIBRARY_PATH=$LD_LIBRARY_PATH\"");

    assertThat(probe.probe(program, Origin.BUNDLED).version()).isEqualTo("8.0.1");
  }

  @Test
  void aProgramThatIsNotFfmpegIsRefused() throws Exception {
    Path program = FakeFfmpeg.script(temp, "echo 'usage: convert [options] file'");

    assertThatThrownBy(() -> probe.probe(program, Origin.PATH))
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessage(program + " is not ffmpeg: '-version' printed 'usage: convert [options] file'");
  }

  @Test
  void aProgramThatCannotLoadItsLibrariesIsRefusedWithWhatTheLoaderSaid() throws Exception {
    Path program =
        FakeFfmpeg.script(
            temp,
            "echo \"$0: error while loading shared libraries: libxcb.so.1: cannot open shared"
                + " object file: No such file or directory\" >&2; exit 127");

    assertThatThrownBy(() -> probe.probe(program, Origin.BUNDLED))
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessage(
            program
                + " cannot run: '-version' exited with 127: "
                + program
                + ": error while loading shared libraries: libxcb.so.1: cannot open shared object"
                + " file: No such file or directory");
  }

  @Test
  void aProgramThatDoesNotAnswerIsKilledAtTheDeadline() throws Exception {
    Path program = FakeFfmpeg.script(temp, "exec sleep 60");
    VersionProbe impatient = new VersionProbe(Duration.ofMillis(300));
    Instant start = Instant.now();

    assertThatThrownBy(() -> impatient.probe(program, Origin.PATH))
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessageContaining("did not answer '-version'")
        .hasMessageContaining("killed");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aProgramThatPrintsALotIsReadOnlyAsFarAsItsFirstLine() throws Exception {
    Path program =
        FakeFfmpeg.script(
            temp, "echo 'ffmpeg version 7.1 Copyright'; head -c 10000000 /dev/zero | tr '\\0' x");

    assertThat(probe.probe(program, Origin.PATH).version()).isEqualTo("7.1");
  }

  @Test
  void aFileThatCannotBeStartedIsRefused() throws Exception {
    Path notAProgram = Files.writeString(temp.resolve("ffmpeg"), "\0\0\0\0");
    Files.setPosixFilePermissions(notAProgram, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> probe.probe(notAProgram, Origin.PATH))
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessageStartingWith(notAProgram.toString());
  }
}
