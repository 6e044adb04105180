package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram.Origin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which ffmpeg is chosen: configured, else on PATH, else bundled. The PATH candidates are {@link
 * FakeFfmpeg} scripts; the bundled program is the real one.
 */
class FfmpegLocatorTest {

  private static final String RELEASE = "ffmpeg version 7.1 Copyright (c) 2000-2024";
  private static final String UBUNTU_22_04 =
      "ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2000-2021 the FFmpeg developers";

  @TempDir Path temp;

  private final URLClassLoader withoutBundle = new URLClassLoader(new URL[0], null);

  @AfterEach
  void close() throws IOException {
    withoutBundle.close();
  }

  private FfmpegLocator locator(Optional<Path> configured, String path, ClassLoader loader) {
    return new FfmpegLocator(
        configured,
        path,
        new BundledFfmpeg(loader, temp.resolve("extracted")),
        new VersionProbe(Duration.ofSeconds(10)));
  }

  private FfmpegLocator locator(Optional<Path> configured, String path) {
    return locator(configured, path, getClass().getClassLoader());
  }

  @Test
  void theConfiguredProgramComesFirst() throws Exception {
    Path configured = FakeFfmpeg.printing(temp.resolve("opt"), "ffmpeg version 6.1.1 Copyright");
    Path onPath = temp.resolve("bin");
    FakeFfmpeg.printing(onPath, RELEASE);

    FfmpegProgram program = locator(Optional.of(configured), onPath.toString()).locate();

    assertThat(program).isEqualTo(new FfmpegProgram(configured, Origin.CONFIGURED, "6.1.1"));
    assertThat(program).hasToString("ffmpeg 6.1.1 from onair.ffmpeg.path: " + configured);
  }

  @Test
  void thenTheFirstOnPathBeforeTheBundledOne() throws Exception {
    Path first = FakeFfmpeg.printing(temp.resolve("first"), RELEASE);
    FakeFfmpeg.printing(temp.resolve("second"), "ffmpeg version 8.0 Copyright");
    String path =
        temp.resolve("missing") + ":" + temp.resolve("first") + ":" + temp.resolve("second");

    FfmpegProgram program = locator(Optional.empty(), path).locate();

    assertThat(program).isEqualTo(new FfmpegProgram(first, Origin.PATH, "7.1"));
    assertThat(temp.resolve("extracted")).as("nothing extracted").doesNotExist();
  }

  @Test
  void withoutFfmpegOnPathTheBundledProgramIsExtractedAndRun() throws Exception {
    Path empty = Files.createDirectory(temp.resolve("bin"));

    FfmpegProgram program = locator(Optional.empty(), empty + ":/nonexistent").locate();

    assertThat(program.origin()).isEqualTo(Origin.BUNDLED);
    assertThat(program.version()).isEqualTo("8.0.1");
    assertThat(program.executable()).startsWith(temp.resolve("extracted")).isExecutable();
    assertThat(program.toString())
        .startsWith("ffmpeg 8.0.1 bundled (org.bytedeco:ffmpeg), extracted: " + temp);
  }

  @Test
  void anFfmpegOnPathThatIsTooOldIsPassedOverForTheBundledOne() throws Exception {
    FakeFfmpeg.printing(temp.resolve("bin"), UBUNTU_22_04);

    FfmpegProgram program = locator(Optional.empty(), temp.resolve("bin").toString()).locate();

    assertThat(program.origin()).isEqualTo(Origin.BUNDLED);
  }

  @Test
  void whenTheBundledOneIsMissingTooTheErrorSaysWhyThePathOneWasPassedOver() throws Exception {
    FakeFfmpeg.printing(temp.resolve("bin"), UBUNTU_22_04);
    FfmpegLocator locator =
        locator(Optional.empty(), temp.resolve("bin").toString(), withoutBundle);

    assertThatThrownBy(locator::locate)
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessageStartingWith("no usable ffmpeg: onair.ffmpeg.path is not set, and no bundled")
        .hasMessageContaining("is not on the class path")
        .hasMessageContaining("passed over: " + temp.resolve("bin/ffmpeg") + " is ffmpeg 4.4.2")
        .hasMessageContaining("needs 5.1 or newer");
  }

  @Test
  void withNothingAnywhereTheErrorSaysWhereItLooked() {
    FfmpegLocator locator = locator(Optional.empty(), null, withoutBundle);

    assertThatThrownBy(locator::locate)
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessage(
            "no usable ffmpeg: onair.ffmpeg.path is not set, there is none on PATH, and no"
                + " bundled ffmpeg: org.bytedeco:ffmpeg:linux-x86_64-gpl is not on the class path");
  }

  @Test
  void emptyAndRelativePathEntriesAreNotSearched() throws Exception {
    FakeFfmpeg.printing(temp.resolve("bin"), RELEASE);
    String relative = Path.of("").toAbsolutePath().relativize(temp.resolve("bin")).toString();
    FfmpegLocator locator = locator(Optional.empty(), ":" + relative + "::", withoutBundle);

    assertThatThrownBy(locator::locate).hasMessageContaining("there is none on PATH");
  }

  @Test
  void aDirectoryNamedFfmpegOnPathIsNotAProgram() throws Exception {
    Files.createDirectories(temp.resolve("bin/ffmpeg"));
    FfmpegLocator locator =
        locator(Optional.empty(), temp.resolve("bin").toString(), withoutBundle);

    assertThatThrownBy(locator::locate).hasMessageContaining("there is none on PATH");
  }

  @Test
  void aConfiguredPathThatDoesNotExistIsAnErrorEvenWithAnFfmpegOnPath() throws Exception {
    FakeFfmpeg.printing(temp.resolve("bin"), RELEASE);
    Path missing = temp.resolve("opt/ffmpeg");
    FfmpegLocator locator = locator(Optional.of(missing), temp.resolve("bin").toString());

    assertThatThrownBy(locator::locate)
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessage("onair.ffmpeg.path " + missing + " does not exist or is not a file");
  }

  @Test
  void aConfiguredFileThatIsNotExecutableIsAnErrorNamingIt() throws Exception {
    Path configured = FakeFfmpeg.printing(temp.resolve("opt"), RELEASE);
    Files.setPosixFilePermissions(configured, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> locator(Optional.of(configured), null).locate())
        .isInstanceOf(FfmpegUnavailableException.class)
        .hasMessage("onair.ffmpeg.path " + configured + " is not executable by this server's user");
  }

  @Test
  void aConfiguredRelativePathIsAnError() {
    FfmpegLocator locator = locator(Optional.of(Path.of("bin/ffmpeg")), null);

    assertThatThrownBy(locator::locate)
        .hasMessage(
            "onair.ffmpeg.path bin/ffmpeg is not an absolute path (leave it unset to search PATH)");
  }

  @Test
  void aConfiguredFfmpegThatIsTooOldIsAnErrorNotAFallback() throws Exception {
    Path configured = FakeFfmpeg.printing(temp.resolve("opt"), UBUNTU_22_04);
    FakeFfmpeg.printing(temp.resolve("bin"), RELEASE);
    FfmpegLocator locator = locator(Optional.of(configured), temp.resolve("bin").toString());

    assertThatThrownBy(locator::locate)
        .hasMessage(
            "onair.ffmpeg.path: "
                + configured
                + " is ffmpeg 4.4.2-0ubuntu0.22.04.1: the transcoding needs 5.1 or newer"
                + " (-force_key_frames source, -fps_mode)");
  }

  @Test
  void debiansFfmpegOnPathIsFoundAndAccepted() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "no /usr/bin/ffmpeg");

    FfmpegProgram program = locator(Optional.empty(), "/usr/local/nonexistent:/usr/bin").locate();

    assertThat(program.origin()).isEqualTo(Origin.PATH);
    assertThat(program.executable()).isEqualTo(Path.of("/usr/bin/ffmpeg"));
    assertThat(new FfmpegVersion(program.version()).isSupported()).isTrue();
  }
}
