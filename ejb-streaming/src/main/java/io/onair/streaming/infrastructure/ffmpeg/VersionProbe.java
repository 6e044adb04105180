package io.onair.streaming.infrastructure.ffmpeg;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs {@code <program> -hide_banner -version} and checks what it says: that it runs at all (a
 * missing shared library stops it before {@code main}), that it is ffmpeg, and that its version is
 * one the transcoding argv works with.
 *
 * <p>The output goes to a temporary file, not a pipe: a program that hangs can then be killed at
 * the deadline without a thread blocked reading from it, and only the first few KiB are read, so a
 * program that prints without end costs nothing but the deadline.
 */
final class VersionProbe {

  private static final Logger LOG = Logger.getLogger(VersionProbe.class.getName());

  /** How long {@code -version} may take; a healthy ffmpeg needs a few milliseconds. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final int MAX_OUTPUT = 4096;
  private static final int MAX_QUOTED = 300;

  private final Duration timeout;

  VersionProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * The program at {@code executable}, with the version it reports.
   *
   * @throws FfmpegUnavailableException naming the program and what is wrong with it
   */
  FfmpegProgram probe(Path executable, Origin origin) throws FfmpegUnavailableException {
    String output = run(executable, origin);
    String firstLine = output.lines().findFirst().orElse("");
    FfmpegVersion version =
        FfmpegVersion.ofFirstLine(firstLine)
            .orElseThrow(
                () ->
                    new FfmpegUnavailableException(
                        executable
                            + " is not ffmpeg: '-version' printed '"
                            + quote(firstLine)
                            + "'"));
    if (!version.isSupported()) {
      throw new FfmpegUnavailableException(
          executable
              + " is ffmpeg "
              + version.text()
              + ": the transcoding needs "
              + FfmpegVersion.MINIMUM
              + " or newer (-force_key_frames source, -fps_mode)");
    }
    return new FfmpegProgram(executable, origin, version.text());
  }

  private String run(Path executable, Origin origin) throws FfmpegUnavailableException {
    Path output = null;
    try {
      output = Files.createTempFile("onair-ffmpeg-version-", ".txt");
      ProcessBuilder builder =
          FfmpegProgram.processBuilder(
              executable, origin, List.of(executable.toString(), "-hide_banner", "-version"));
      Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new FfmpegUnavailableException(
            executable + " did not answer '-version' within " + timeout.toSeconds() + " s: killed");
      }
      String text = head(output);
      if (process.exitValue() != 0) {
        throw new FfmpegUnavailableException(
            executable
                + " cannot run: '-version' exited with "
                + process.exitValue()
                + ": "
                + quote(text));
      }
      return text;
    } catch (IOException e) {
      throw new FfmpegUnavailableException(executable + " cannot be started: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FfmpegUnavailableException("interrupted while running " + executable, e);
    } finally {
      deleteQuietly(output);
    }
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
    }
  }

  /** Output for a log line: on one line, and not too long. */
  private static String quote(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "...";
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Not worth failing the probe for: a temporary file of a few bytes.
      LOG.warning(() -> "Could not delete " + file + ": " + e);
    }
  }
}
