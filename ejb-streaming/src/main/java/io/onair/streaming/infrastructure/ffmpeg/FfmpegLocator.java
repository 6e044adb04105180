package io.onair.streaming.infrastructure.ffmpeg;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram.Origin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Finds the ffmpeg to transcode with, in this order:
 *
 * <ol>
 *   <li>the configured path ({@code onair.ffmpeg.path}), when set: it must be a usable ffmpeg,
 *       there is no falling back, since the operator asked for that one;
 *   <li>the first {@code ffmpeg} on {@code PATH}, when it is usable; one that is not (too old, say
 *       Ubuntu 22.04's 4.4) is logged and passed over;
 *   <li>the program bundled with the application ({@link BundledFfmpeg}).
 * </ol>
 *
 * Each candidate is run once with {@code -version} ({@link VersionProbe}) before it is chosen.
 */
final class FfmpegLocator {

  private static final Logger LOG = Logger.getLogger(FfmpegLocator.class.getName());
  private static final String NAME = "ffmpeg";

  private final Optional<Path> configured;
  private final String searchPath;
  private final BundledFfmpeg bundled;
  private final VersionProbe probe;

  /**
   * @param configured the configured program, if any
   * @param searchPath the value of {@code PATH}, may be null
   * @param bundled the bundled program
   * @param probe how candidates are run
   */
  FfmpegLocator(
      Optional<Path> configured, String searchPath, BundledFfmpeg bundled, VersionProbe probe) {
    this.configured = Objects.requireNonNull(configured, "configured");
    this.searchPath = searchPath == null ? "" : searchPath;
    this.bundled = Objects.requireNonNull(bundled, "bundled");
    this.probe = Objects.requireNonNull(probe, "probe");
  }

  /**
   * The ffmpeg to use.
   *
   * @throws FfmpegUnavailableException naming what was tried and why none is usable
   */
  FfmpegProgram locate() throws FfmpegUnavailableException {
    if (configured.isPresent()) {
      return configured(configured.get());
    }
    String passedOver = "";
    Optional<Path> onPath = searchPath();
    if (onPath.isPresent()) {
      try {
        return probe.probe(onPath.get(), Origin.PATH);
      } catch (FfmpegUnavailableException unusable) {
        LOG.warning(() -> "Not using the ffmpeg on PATH: " + unusable.getMessage());
        passedOver = " (the one on PATH was passed over: " + unusable.getMessage() + ")";
      }
    }
    try {
      return bundled();
    } catch (FfmpegUnavailableException unusable) {
      throw new FfmpegUnavailableException(
          "no usable ffmpeg: onair.ffmpeg.path is not set, "
              + (onPath.isPresent() ? "" : "there is none on PATH, ")
              + "and "
              + unusable.getMessage()
              + passedOver,
          unusable);
    }
  }

  private FfmpegProgram bundled() throws FfmpegUnavailableException {
    Path executable = bundled.executable();
    try {
      return probe.probe(executable, Origin.BUNDLED);
    } catch (FfmpegUnavailableException unusable) {
      String hint =
          unusable.getMessage().contains("error while loading shared libraries")
              ? "; it needs the system's libxcb, libxcb-shm, ALSA (libasound) and PulseAudio"
                  + " (libpulse) libraries: install them, or set onair.ffmpeg.path"
              : "";
      throw new FfmpegUnavailableException("the bundled " + unusable.getMessage() + hint, unusable);
    }
  }

  private FfmpegProgram configured(Path program) throws FfmpegUnavailableException {
    String where = "onair.ffmpeg.path " + program;
    if (!program.isAbsolute()) {
      throw new FfmpegUnavailableException(
          where + " is not an absolute path (leave it unset to search PATH)");
    }
    if (!Files.isRegularFile(program)) {
      throw new FfmpegUnavailableException(where + " does not exist or is not a file");
    }
    if (!Files.isExecutable(program)) {
      throw new FfmpegUnavailableException(where + " is not executable by this server's user");
    }
    try {
      return probe.probe(program, Origin.CONFIGURED);
    } catch (FfmpegUnavailableException unusable) {
      throw new FfmpegUnavailableException("onair.ffmpeg.path: " + unusable.getMessage(), unusable);
    }
  }

  /**
   * The first executable {@code ffmpeg} in a directory of {@code PATH}. Empty and relative entries
   * are skipped: they mean the server's working directory, which no one chose as a place for
   * programs.
   */
  private Optional<Path> searchPath() {
    for (String entry : searchPath.split(Pattern.quote(File.pathSeparator))) {
      try {
        Path dir = Path.of(entry);
        if (entry.isEmpty() || !dir.isAbsolute()) {
          continue;
        }
        Path candidate = dir.resolve(NAME);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException e) {
        LOG.fine(() -> "PATH entry '" + entry + "' is not a path: " + e.getMessage());
      }
    }
    return Optional.empty();
  }
}
