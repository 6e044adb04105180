package io.onair.streaming.application.transcoding;

import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram;
import io.onair.streaming.media.live.FrameTap;
import io.onair.streaming.media.live.LivePackager;
import io.onair.streaming.media.transcode.FfmpegProgress;
import io.onair.streaming.media.transcode.FrameBacklog;
import io.onair.streaming.media.transcode.TimedFrame;
import io.onair.streaming.media.transcode.TranscodePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transcoding of one broadcast, for as long as it lasts: runs ffmpeg ({@link FfmpegRun}) on the
 * frames its source's packager {@linkplain FrameTap taps}, and starts it again when it crashes or
 * stalls, after a growing delay ({@link TranscodeSettings#restartDelay}), while the source
 * rendition plays on. The rungs' packagers outlive the runs: a rung's tracks go on after a restart,
 * from the next key frame.
 *
 * <p>It ends with the broadcast: the source's end closes ffmpeg's input, ffmpeg finishes its last
 * frames and exits, the rungs' last segments are completed, and only then does the broadcast end
 * ({@link #ended()} returns). The server stopping kills ffmpeg ({@link #stop()}).
 */
final class TranscodeJob implements Runnable {

  private static final Logger LOG = Logger.getLogger(TranscodeJob.class.getName());

  /** How often the supervisor looks at a running ffmpeg. */
  private static final Duration LOOK_EVERY = Duration.ofMillis(500);

  /** How long the end of a broadcast waits for ffmpeg to finish its last frames. */
  private static final Duration FINISH_WITHIN = Duration.ofSeconds(20);

  /** A run this long was healthy, whatever ended it. */
  private static final Duration HEALTHY = Duration.ofMinutes(1);

  /** Runs that fail before producing anything, in a row, before the job gives up. */
  private static final int GIVE_UP_AFTER = 5;

  private final String name;
  private final long broadcastId;
  private final String channel;
  private final TranscodePlan plan;
  private final FfmpegProgram program;
  private final Path workDirectory;
  private final TranscodeSettings settings;
  private final FrameBacklog backlog;
  private final Map<String, LivePackager> rungs;
  private final List<TimedFrame> configurations;
  private final ExecutorService threads;
  private final Clock clock;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile boolean killed;
  private volatile TranscodeState state = TranscodeState.STARTING;
  private volatile Instant since;
  private volatile String detail = "";
  private volatile FfmpegRun current;
  private volatile StallWatch watch;
  private volatile FfmpegProgress lastProgress;
  private long reportedSkips;

  TranscodeJob(
      long broadcastId,
      String channel,
      TranscodePlan plan,
      FfmpegProgram program,
      TranscodeSettings settings,
      FrameBacklog backlog,
      Map<String, LivePackager> rungs,
      List<TimedFrame> configurations,
      ExecutorService threads,
      Clock clock) {
    this.name = "Broadcast " + broadcastId + " of " + channel;
    this.broadcastId = broadcastId;
    this.channel = channel;
    this.plan = plan;
    this.program = program;
    this.workDirectory = settings.workDir();
    this.settings = settings;
    this.backlog = backlog;
    this.rungs = rungs;
    this.configurations = configurations;
    this.threads = threads;
    this.clock = clock;
    this.since = clock.instant();
  }

  /** The source's next frame, for ffmpeg; never waits (see {@link FrameBacklog}). */
  void offer(TimedFrame frame) {
    backlog.offer(frame);
    StallWatch running = watch;
    if (running != null) {
      running.input(System.nanoTime());
    }
  }

  @Override
  public void run() {
    int fruitless = 0;
    int crashes = 0;
    try {
      while (stopping.getCount() > 0) {
        long started = System.nanoTime();
        boolean produced = runOnce();
        if (stopping.getCount() == 0) {
          break;
        }
        fruitless = produced ? 0 : fruitless + 1;
        if (fruitless >= GIVE_UP_AFTER) {
          enter(TranscodeState.FAILED, "ffmpeg failed " + fruitless + " times in a row: " + detail);
          LOG.severe(() -> name + ": transcoding given up; the source plays alone. " + detail);
          return;
        }
        // A run that lasted was healthy: the next crash waits the shortest time again.
        boolean lasted = Duration.ofNanos(System.nanoTime() - started).compareTo(HEALTHY) > 0;
        crashes = lasted ? 1 : crashes + 1;
        Duration wait = settings.restartDelay(crashes);
        restarts.incrementAndGet();
        enter(TranscodeState.RESTARTING, detail);
        LOG.warning(() -> name + ": ffmpeg starts again in " + wait.toMillis() + " ms");
        stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      rungs.values().forEach(LivePackager::finish);
      if (state != TranscodeState.FAILED) {
        enter(TranscodeState.STOPPED, detail);
      }
      done.countDown();
    }
  }

  /** One ffmpeg from start to exit; whether it produced anything. */
  private boolean runOnce() throws InterruptedException {
    enter(TranscodeState.STARTING, "");
    if (restarts.get() > 0) {
      backlog.restart(); // from the next key frame: what the last ffmpeg left is stale
    }
    StallWatch stall = new StallWatch(settings.stallTimeout(), System.nanoTime());
    AtomicInteger frames = new AtomicInteger();
    try (FfmpegRun run = FfmpegRun.start(name, program, plan, workDirectory)) {
      current = run;
      watch = stall;
      LOG.info(
          () ->
              name
                  + ": ffmpeg started (pid "
                  + run.pid()
                  + ") for "
                  + plan.rungs().size()
                  + " rungs");
      run.feed(
          threads,
          backlog,
          List.copyOf(configurations),
          rungs,
          () -> {
            stall.output(System.nanoTime());
            if (frames.getAndIncrement() == 0) {
              enter(TranscodeState.RUNNING, "");
            }
          });
      boolean stalled = superviseUntilExit(run, stall);
      if (stalled) {
        detail = "stalled: no output for " + settings.stallTimeout().toSeconds() + " s; killed";
      } else if (stopping.getCount() > 0) {
        int code = run.awaitExit(Duration.ZERO);
        detail =
            "ffmpeg exited with " + code + (run.lastLine().isEmpty() ? "" : ": " + run.lastLine());
        LOG.warning(() -> name + ": " + detail);
      }
      return frames.get() > 0;
    } catch (IOException e) {
      detail = "ffmpeg could not be started: " + e.getMessage();
      LOG.log(Level.WARNING, e, () -> name + ": " + detail);
      return false;
    } finally {
      current = null;
      watch = null;
    }
  }

  /**
   * Looks at the running ffmpeg until it exits: its progress, skips, a stop, a stall. Whether it
   * was killed for stalling.
   */
  private boolean superviseUntilExit(FfmpegRun run, StallWatch stall) throws InterruptedException {
    boolean stalled = false;
    while (run.awaitExit(LOOK_EVERY) == null) {
      lastProgress = run.progress();
      reportSkips();
      if (killed) {
        run.kill();
      } else if (!stalled && stall.stalled()) {
        stalled = true;
        LOG.warning(
            () ->
                name
                    + ": ffmpeg stalled: no output for "
                    + settings.stallTimeout().toSeconds()
                    + " s while the source went on; killing it");
        run.kill();
      }
    }
    return stalled;
  }

  /**
   * The source ended: ffmpeg gets the rest of the backlog, then the end of its input, and this
   * waits for it to finish its last frames (killing it if it takes too long).
   */
  void ended() {
    backlog.end();
    stopping.countDown();
    await();
  }

  /** The server stops: ffmpeg is killed at once. */
  void stop() {
    killed = true;
    backlog.end();
    stopping.countDown();
    FfmpegRun run = current;
    if (run != null) {
      run.kill();
    }
    await();
  }

  private void await() {
    try {
      if (!done.await(FINISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warning(() -> name + ": ffmpeg did not finish in time; killing it");
        killed = true;
        FfmpegRun run = current;
        if (run != null) {
          run.kill();
        }
        done.await(FINISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What admins see of this job now. */
  TranscodeStatus status() {
    FfmpegProgress progress = lastProgress;
    FfmpegRun run = current;
    return new TranscodeStatus(
        broadcastId,
        channel,
        state,
        since,
        List.copyOf(rungs.keySet()),
        run == null ? Optional.empty() : Optional.of(run.pid()),
        Optional.ofNullable(progress),
        restarts.get(),
        backlog.dropped(),
        detail);
  }

  /** One line each time ffmpeg fell so far behind that the backlog skipped to a key frame. */
  private void reportSkips() {
    long skips = backlog.skips();
    if (skips > reportedSkips) {
      reportedSkips = skips;
      long dropped = backlog.dropped();
      LOG.warning(
          () ->
              name
                  + ": ffmpeg fell behind the source; frames skipped to the next key frame ("
                  + dropped
                  + " dropped so far)");
    }
  }

  private void enter(TranscodeState next, String why) {
    if (state != next) {
      state = next;
      since = clock.instant();
    }
    detail = why;
  }
}
