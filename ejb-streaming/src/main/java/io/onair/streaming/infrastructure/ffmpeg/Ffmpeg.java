package io.onair.streaming.infrastructure.ffmpeg;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ffmpeg of this server, found once ({@link FfmpegLocator}: the configured one, else the one on
 * PATH, else the bundled one) and logged once, at INFO which one and its version, or at SEVERE why
 * there is none. Without one, transcoding is off and broadcasts play their source only; callers ask
 * {@link #program()} and get the same answer every time, never an exception.
 *
 * <p>Found on first use rather than at startup: a server that never transcodes (ladder {@code
 * none}) then never extracts the bundled program's 90 MB.
 *
 * <ul>
 *   <li>{@code onair.ffmpeg.path}: the ffmpeg to use, an absolute path; unset to search;
 *   <li>{@code onair.ffmpeg.extract-dir}: where the bundled program is extracted, default {@code
 *       java.io.tmpdir}.
 * </ul>
 */
@ApplicationScoped
public class Ffmpeg {

  private static final Logger LOG = Logger.getLogger(Ffmpeg.class.getName());

  private FfmpegLocator locator;

  /** Null until first asked for. */
  private Optional<FfmpegProgram> program;

  public Ffmpeg() {}

  @Inject
  Ffmpeg(
      @ConfigProperty(name = "onair.ffmpeg.path") Optional<String> path,
      @ConfigProperty(name = "onair.ffmpeg.extract-dir") Optional<String> extractDir) {
    this(
        new FfmpegLocator(
            path.map(Path::of),
            System.getenv("PATH"),
            new BundledFfmpeg(
                Ffmpeg.class.getClassLoader(),
                Path.of(extractDir.orElseGet(() -> System.getProperty("java.io.tmpdir")))),
            new VersionProbe(VersionProbe.DEFAULT_TIMEOUT)));
  }

  Ffmpeg(FfmpegLocator locator) {
    this.locator = locator;
  }

  /** The program to transcode with; empty when there is none, and then always. */
  public synchronized Optional<FfmpegProgram> program() {
    if (program == null) {
      program = locate();
    }
    return program;
  }

  private Optional<FfmpegProgram> locate() {
    try {
      FfmpegProgram found = locator.locate();
      LOG.info(() -> "Transcoding with " + found);
      return Optional.of(found);
    } catch (FfmpegUnavailableException e) {
      // The message says it all (each cause is in it); a stack trace would only bury it.
      LOG.severe(() -> "Transcoding is off, broadcasts play their source only: " + e.getMessage());
      return Optional.empty();
    }
  }
}
