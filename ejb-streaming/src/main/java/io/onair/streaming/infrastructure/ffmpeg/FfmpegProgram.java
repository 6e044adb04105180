package io.onair.streaming.infrastructure.ffmpeg;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The ffmpeg this server transcodes with: where it is, where it came from, and the version it
 * reported. Start it only through {@link #processBuilder}, which gives the bundled program the
 * library path it needs.
 */
public record FfmpegProgram(Path executable, Origin origin, String version) {

  /** Where the program was found, in the order they are tried. */
  public enum Origin {
    /** The operator's {@code onair.ffmpeg.path}. */
    CONFIGURED("from onair.ffmpeg.path"),
    /** The first {@code ffmpeg} on the server's {@code PATH}. */
    PATH("from PATH"),
    /** The org.bytedeco:ffmpeg program from the application's class path, extracted to disk. */
    BUNDLED("bundled (org.bytedeco:ffmpeg), extracted");

    private final String description;

    Origin(String description) {
      this.description = description;
    }
  }

  public FfmpegProgram {
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(version, "version");
  }

  /**
   * A process builder for {@code argv} (the program first, as {@code FfmpegArguments} builds it).
   * Nothing else is changed: redirections are the caller's.
   */
  public ProcessBuilder processBuilder(List<String> argv) {
    return processBuilder(executable, origin, argv);
  }

  /**
   * For the bundled program, {@code LD_LIBRARY_PATH} is its own directory. The program finds its
   * direct libraries through its RUNPATH ({@code $ORIGIN/}), but a RUNPATH does not apply to the
   * libraries' own dependencies, and libavutil and libavdevice need libva and libdrm, which the
   * bundle also ships: on a system without them, only the library path finds them. It replaces any
   * inherited value, so no other libav* on the server's path can be picked up instead.
   */
  static ProcessBuilder processBuilder(Path executable, Origin origin, List<String> argv) {
    ProcessBuilder builder = new ProcessBuilder(argv);
    if (origin == Origin.BUNDLED) {
      builder.environment().put("LD_LIBRARY_PATH", executable.getParent().toString());
    }
    return builder;
  }

  /** For the log: {@code ffmpeg 5.1.6-0+deb12u1 from PATH: /usr/bin/ffmpeg}. */
  @Override
  public String toString() {
    return "ffmpeg " + version + " " + origin.description + ": " + executable;
  }
}
