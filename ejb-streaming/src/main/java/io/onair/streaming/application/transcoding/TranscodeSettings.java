package io.onair.streaming.application.transcoding;

import io.onair.streaming.media.transcode.LadderSyntax;
import io.onair.streaming.media.transcode.LadderSyntaxException;
import io.onair.streaming.media.transcode.RungSockets;
import io.onair.streaming.media.transcode.TranscodeLadder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How live broadcasts are transcoded on this server, from the configuration:
 *
 * <ul>
 *   <li>{@code onair.transcode.ladder}: the server's ladder in {@link LadderSyntax}, default {@link
 *       TranscodeLadder#DEFAULT}; {@code none} turns transcoding off;
 *   <li>{@code onair.transcode.max-concurrent}: how many broadcasts are transcoded at once on this
 *       server, default half the processors (at least 1), since a 720p/480p/360p ladder at x264's
 *       veryfast keeps about two cores busy; {@code 0} turns transcoding off. Broadcasts beyond it
 *       play their source only;
 *   <li>{@code onair.transcode.stall-timeout}: an ffmpeg that has been given input but produced
 *       nothing for this long is killed and restarted, default PT15S;
 *   <li>{@code onair.transcode.restart-backoff} and {@code restart-backoff-max}: the wait before
 *       restarting a failed ffmpeg, doubling with each failure in a row from the first to the
 *       second, default PT1S and PT30S;
 *   <li>{@code onair.transcode.work-dir}: where each job makes its directory for the rungs'
 *       sockets, an absolute path. By default {@code java.io.tmpdir}, or {@code /tmp} when that is
 *       too long: a socket path has at most 107 bytes ({@link RungSockets}), and the work directory
 *       must leave room for a job's directory name of {@value #JOB_DIRECTORY_NAME_BYTES} bytes and
 *       a rung's socket (macOS's per-user temporary directory, 49 bytes, does not).
 * </ul>
 *
 * <p>An invalid value fails the deployment, with a message naming the setting and what is wrong
 * with it: a typo in the ladder should be seen at once, not found out when a broadcast is missing
 * its renditions. The bean is created when the application starts for that reason.
 */
@ApplicationScoped
public class TranscodeSettings {

  private static final Logger LOG = Logger.getLogger(TranscodeSettings.class.getName());

  /** The longest name a job may give its directory in the work directory. */
  public static final int JOB_DIRECTORY_NAME_BYTES = 32;

  private static final Path SHORT_TEMPORARY = Path.of("/tmp");

  private TranscodeLadder ladder;
  private int maxConcurrent;
  private Duration stallTimeout;
  private Duration restartBackoff;
  private Duration restartBackoffMax;
  private Path workDir;

  public TranscodeSettings() {}

  @Inject
  TranscodeSettings(
      @ConfigProperty(name = "onair.transcode.ladder") Optional<String> ladder,
      @ConfigProperty(name = "onair.transcode.max-concurrent") Optional<Integer> maxConcurrent,
      @ConfigProperty(name = "onair.transcode.stall-timeout", defaultValue = "PT15S")
          Duration stallTimeout,
      @ConfigProperty(name = "onair.transcode.restart-backoff", defaultValue = "PT1S")
          Duration restartBackoff,
      @ConfigProperty(name = "onair.transcode.restart-backoff-max", defaultValue = "PT30S")
          Duration restartBackoffMax,
      @ConfigProperty(name = "onair.transcode.work-dir") Optional<String> workDir) {
    this(
        ladder,
        maxConcurrent,
        stallTimeout,
        restartBackoff,
        restartBackoffMax,
        workDir,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.io.tmpdir"));
    LOG.info(this::describe);
  }

  /**
   * The settings from these values, each checked; {@code processors} and {@code tmpdir} give the
   * defaults.
   */
  TranscodeSettings(
      Optional<String> ladder,
      Optional<Integer> maxConcurrent,
      Duration stallTimeout,
      Duration restartBackoff,
      Duration restartBackoffMax,
      Optional<String> workDir,
      int processors,
      String tmpdir) {
    this.ladder = ladder(ladder);
    this.maxConcurrent = maxConcurrent(maxConcurrent, processors);
    this.stallTimeout = positive("onair.transcode.stall-timeout", stallTimeout);
    this.restartBackoff = positive("onair.transcode.restart-backoff", restartBackoff);
    this.restartBackoffMax = positive("onair.transcode.restart-backoff-max", restartBackoffMax);
    if (restartBackoffMax.compareTo(restartBackoff) < 0) {
      throw new DeploymentException(
          "onair.transcode.restart-backoff-max "
              + restartBackoffMax
              + " is below onair.transcode.restart-backoff "
              + restartBackoff);
    }
    this.workDir = workDir(workDir, tmpdir);
  }

  /** Creates the bean as the application starts, so an invalid setting fails the deployment. */
  void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Nothing to do: the container had to create the bean, checking every value, to call this.
  }

  /** The server's ladder; empty when transcoding is off. */
  public TranscodeLadder ladder() {
    return ladder;
  }

  /** How many broadcasts this server transcodes at once; 0 when transcoding is off. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Whether anything is transcoded at all. */
  public boolean enabled() {
    return !ladder.rungs().isEmpty() && maxConcurrent > 0;
  }

  /** How long an ffmpeg with input may go without output before it is killed. */
  public Duration stallTimeout() {
    return stallTimeout;
  }

  /**
   * The wait before restart number {@code restart} of a broadcast's ffmpeg in a row (1 for the
   * first): the initial backoff, doubled for each further one, at most the maximum.
   */
  public Duration restartDelay(int restart) {
    if (restart < 1) {
      throw new IllegalArgumentException("restarts count from 1, was " + restart);
    }
    Duration delay = restartBackoff;
    for (int i = 1; i < restart; i++) {
      if (delay.compareTo(restartBackoffMax.dividedBy(2)) > 0) {
        return restartBackoffMax;
      }
      delay = delay.multipliedBy(2);
    }
    return delay;
  }

  /**
   * Where jobs make their socket directories, each named with at most {@value
   * #JOB_DIRECTORY_NAME_BYTES} bytes.
   */
  public Path workDir() {
    return workDir;
  }

  static TranscodeLadder ladder(Optional<String> configured) {
    if (configured.isEmpty()) {
      return TranscodeLadder.DEFAULT;
    }
    try {
      return LadderSyntax.parse(configured.get());
    } catch (LadderSyntaxException e) {
      throw new DeploymentException("onair.transcode.ladder: " + e.getMessage(), e);
    }
  }

  static int maxConcurrent(Optional<Integer> configured, int processors) {
    int value = configured.orElse(Math.max(1, processors / 2));
    if (value < 0) {
      throw new DeploymentException(
          "onair.transcode.max-concurrent must be 0 (off) or more, was " + value);
    }
    return value;
  }

  static Duration positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new DeploymentException(key + " must be above zero, was " + value);
    }
    return value;
  }

  static Path workDir(Optional<String> configured, String tmpdir) {
    if (configured.isPresent()) {
      Path dir = path(configured.get());
      String problem = problem(dir);
      if (problem != null) {
        throw new DeploymentException("onair.transcode.work-dir " + dir + ": " + problem);
      }
      return dir;
    }
    Path temporary = path(tmpdir).toAbsolutePath();
    return problem(temporary) == null ? temporary : SHORT_TEMPORARY;
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new DeploymentException("onair.transcode.work-dir '" + text + "' is not a path", e);
    }
  }

  /** Why a job's sockets could not live under {@code dir}, or null if they can. */
  private static String problem(Path dir) {
    if (!dir.isAbsolute()) {
      return "not an absolute path";
    }
    try {
      new RungSockets(dir.resolve("j".repeat(JOB_DIRECTORY_NAME_BYTES)));
      return null;
    } catch (IllegalArgumentException tooLong) {
      return "too long: the rungs' socket paths below a job's directory in it would be longer"
          + " than Unix-domain sockets allow; choose a short one such as /tmp or /run/onair";
    }
  }

  private String describe() {
    if (!enabled()) {
      return "Transcoding is off: onair.transcode.ladder is "
          + LadderSyntax.format(ladder)
          + " and onair.transcode.max-concurrent "
          + maxConcurrent;
    }
    return "Transcoding ladder "
        + LadderSyntax.format(ladder)
        + ", at most "
        + maxConcurrent
        + " broadcasts at once, stall timeout "
        + stallTimeout
        + ", restart backoff "
        + restartBackoff
        + " to "
        + restartBackoffMax
        + ", sockets under "
        + workDir;
  }
}
