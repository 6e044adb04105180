package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram.Origin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real org.bytedeco:ffmpeg jar from the test class path, extracted into a temporary directory
 * and run.
 */
class BundledFfmpegTest {

  @TempDir Path temp;

  private BundledFfmpeg bundled() {
    return new BundledFfmpeg(getClass().getClassLoader(), temp);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void extractsTheProgramAndTheLibrariesItNeedsButNoJniWrappersOrFfprobe() throws Exception {
    Path program = bundled().executable();
    Path dir = program.getParent();

    assertThat(program.getFileName()).hasToString("ffmpeg");
    assertThat(dir.getFileName().toString()).matches("onair-ffmpeg-[0-9a-f]{16}");
    assertThat(names(dir))
        .contains("ffmpeg", "libavcodec.so.62", "libavutil.so.60")
        // needed by libavutil and libavdevice only, not by the program itself
        .contains("libdrm.so.2", "libva.so.2", "libva-drm.so.2")
        .noneMatch(name -> name.startsWith("libjni"))
        .doesNotContain("ffprobe")
        .hasSize(11);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(program)))
        .isEqualTo("rwxr-xr-x");
    assertThat(names(temp)).as("no temporary directory left behind").hasSize(1);
  }

  @Test
  void theExtractedProgramRunsWithNothingButItsLibraryPathInItsEnvironment() throws Exception {
    Path program = bundled().executable();
    ProcessBuilder builder =
        FfmpegProgram.processBuilder(
            program, Origin.BUNDLED, List.of(program.toString(), "-hide_banner", "-version"));
    builder.environment().keySet().retainAll(List.of("LD_LIBRARY_PATH"));
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).startsWith("ffmpeg version 8.0.1 ").contains("--enable-libx264");
  }

  @Test
  void aCompleteCopyIsReusedAsItIs() throws Exception {
    Path first = bundled().executable();
    FileTime written = Files.getLastModifiedTime(first.resolveSibling("libavcodec.so.62"));

    Path second = bundled().executable();

    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(second.resolveSibling("libavcodec.so.62")))
        .isEqualTo(written);
    assertThat(names(temp)).hasSize(1);
  }

  @Test
  void aCopyMissingALibraryIsReplacedByAWholeOne() throws Exception {
    Path first = bundled().executable();
    Files.delete(first.resolveSibling("libdrm.so.2"));

    Path second = bundled().executable();

    assertThat(second).isEqualTo(first);
    assertThat(second.resolveSibling("libdrm.so.2")).isRegularFile();
    assertThat(names(second.getParent())).hasSize(11);
  }

  @Test
  void aCopyOthersCouldHaveWrittenToIsNotRun() throws Exception {
    Path dir = bundled().executable().getParent();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> bundled().executable())
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("cannot be trusted");
  }

  @Test
  void withoutTheJarOnTheClassPathThereIsNoBundledProgram() throws IOException {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> new BundledFfmpeg(empty, temp).executable())
          .isInstanceOf(FfmpegUnavailableException.class)
          .hasMessage(
              "no bundled ffmpeg: org.bytedeco:ffmpeg:linux-x86_64-gpl is not on the class path");
    }
  }
}
