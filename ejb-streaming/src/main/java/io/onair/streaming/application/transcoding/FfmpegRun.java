package io.onair.streaming.application.transcoding;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.flv.FlvReader;
import io.onair.rtmp.flv.FlvWriter;
import io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram;
import io.onair.streaming.media.live.LivePackager;
import io.onair.streaming.media.transcode.FfmpegArguments;
import io.onair.streaming.media.transcode.FfmpegProgress;
import io.onair.streaming.media.transcode.FfmpegProgressParser;
import io.onair.streaming.media.transcode.FrameBacklog;
import io.onair.streaming.media.transcode.PlannedRung;
import io.onair.streaming.media.transcode.RungSockets;
import io.onair.streaming.media.transcode.TimedFrame;
import io.onair.streaming.media.transcode.TranscodePlan;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One run of a broadcast's ffmpeg, from start to exit: the rungs' sockets, the process, and the
 * threads around it.
 *
 * <ul>
 *   <li>the <b>writer</b> takes the source's frames from the {@link FrameBacklog} and writes them
 *       to ffmpeg's stdin as FLV, at their media time; it closes stdin when the source ends, which
 *       is how ffmpeg learns to finish its last frames and exit;
 *   <li>a <b>reader</b> per rung accepts ffmpeg's connection on the rung's socket and hands the FLV
 *       frames read from it to the rung's packager;
 *   <li>the <b>output</b> reader reads ffmpeg's stdout and stderr (merged): progress lines and
 *       ffmpeg's own warnings, which are logged.
 * </ul>
 *
 * <p>The sockets are bound before ffmpeg starts, in a directory of their own that only this
 * server's user may enter, deleted when the run ends. Every thread ends when the process does: its
 * pipes and sockets close.
 */
final class FfmpegRun implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FfmpegRun.class.getName());

  /** ffmpeg's FLV tags are a frame each: a generous bound on any one of them. */
  private static final int MAX_TAG_BYTES = 8 * 1024 * 1024;

  /** ffmpeg lines logged per run: a broken input must not flood the server log. */
  private static final int MAX_LOGGED_LINES = 50;

  private final String name;
  private final Path directory;
  private final Map<String, ServerSocketChannel> listeners;
  private final Process process;
  private final List<Future<?>> threads = new ArrayList<>();
  private volatile FfmpegProgress progress;
  private volatile String lastLine = "";

  private FfmpegRun(
      String name, Path directory, Map<String, ServerSocketChannel> listeners, Process process) {
    this.name = name;
    this.directory = directory;
    this.listeners = listeners;
    this.process = process;
  }

  /**
   * Binds the rungs' sockets and starts ffmpeg.
   *
   * @param name who this is in log lines: the broadcast and its channel
   */
  static FfmpegRun start(String name, FfmpegProgram program, TranscodePlan plan, Path workDirectory)
      throws IOException {
    Path directory =
        Files.createTempDirectory(
            workDirectory,
            "onair-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Map<String, ServerSocketChannel> listeners = new LinkedHashMap<>();
    try {
      RungSockets sockets = new RungSockets(directory);
      for (PlannedRung rung : plan.rungs()) {
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listeners.put(rung.name(), listener);
        listener.bind(UnixDomainSocketAddress.of(sockets.path(rung.name())));
      }
      Process process =
          program
              .processBuilder(FfmpegArguments.of(program.executable(), plan, sockets))
              .redirectErrorStream(true)
              .start();
      return new FfmpegRun(name, directory, listeners, process);
    } catch (IOException | RuntimeException e) {
      listeners.values().forEach(FfmpegRun::closeQuietly);
      deleteQuietly(directory);
      throw e;
    }
  }

  /** The process's id, for the log and for operators. */
  long pid() {
    return process.pid();
  }

  /** Starts the writer, the rung readers and the output reader on {@code threads}. */
  void feed(
      ExecutorService threadPool,
      FrameBacklog backlog,
      List<TimedFrame> configurations,
      Map<String, LivePackager> rungs,
      Runnable onOutput) {
    threads.add(threadPool.submit(() -> write(backlog, configurations)));
    for (Map.Entry<String, LivePackager> rung : rungs.entrySet()) {
      ServerSocketChannel listener = listeners.get(rung.getKey());
      threads.add(
          threadPool.submit(() -> read(rung.getKey(), listener, rung.getValue(), onOutput)));
    }
    threads.add(threadPool.submit(this::readOutput));
  }

  /** Waits up to {@code timeout} for ffmpeg to exit; its exit code, or null if it still runs. */
  Integer awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  /** ffmpeg's latest progress report, if one came. */
  FfmpegProgress progress() {
    return progress;
  }

  /** The last line ffmpeg wrote that was not progress: usually why it failed. */
  String lastLine() {
    return lastLine;
  }

  /** Ends ffmpeg now (SIGKILL): it stalled, or the server stops. */
  void kill() {
    process.destroyForcibly();
  }

  /**
   * Ends the run: kills ffmpeg if it still runs, closes the sockets, waits (a little) for the
   * threads, which end with their pipes, and deletes the socket directory.
   */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listeners.values().forEach(FfmpegRun::closeQuietly);
    for (Future<?> thread : threads) {
      try {
        thread.get(5, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        LOG.warning(() -> name + ": an ffmpeg thread did not end; interrupting it");
        thread.cancel(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        thread.cancel(true);
      } catch (Exception e) {
        LOG.log(Level.WARNING, e, () -> name + ": an ffmpeg thread failed");
      }
    }
    deleteQuietly(directory);
  }

  private void write(FrameBacklog backlog, List<TimedFrame> configurations) {
    try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream(), 64 * 1024)) {
      boolean audio =
          configurations.stream().anyMatch(c -> c.frame().track() == MediaFrame.Track.AUDIO);
      // ffmpeg waits for every track the header announces: only audio the source configured.
      FlvWriter flv = new FlvWriter(stdin, audio, true);
      for (TimedFrame config : configurations) {
        flv.write(config.frame(), config.mediaMillis());
      }
      while (!backlog.drained() && process.isAlive()) {
        TimedFrame next = backlog.take(500, TimeUnit.MILLISECONDS);
        if (next != null && FlvWriter.canWrite(next.frame())) {
          flv.write(next.frame(), next.mediaMillis());
        }
        if (backlog.isEmpty()) {
          stdin.flush(); // ffmpeg gets each frame as it comes, not when 64 KiB have gathered
        }
      }
    } catch (IOException broken) {
      // ffmpeg exited or was killed: the supervisor sees to it.
      LOG.fine(() -> name + ": ffmpeg's input closed: " + broken.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read(
      String rung, ServerSocketChannel listener, LivePackager packager, Runnable onOutput) {
    try (SocketChannel connection = listener.accept();
        BufferedInputStream in =
            new BufferedInputStream(Channels.newInputStream(connection), 64 * 1024)) {
      FlvReader flv = new FlvReader(in, MAX_TAG_BYTES);
      for (MediaFrame frame = flv.next(); frame != null; frame = flv.next()) {
        packager.accept(frame);
        onOutput.run();
      }
    } catch (IOException | RuntimeException e) {
      if (process.isAlive()) {
        LOG.log(Level.WARNING, e, () -> name + ": rung " + rung + " could not be read");
      }
    }
  }

  private void readOutput() {
    AtomicInteger logged = new AtomicInteger();
    FfmpegProgressParser parser =
        new FfmpegProgressParser(
            line -> {
              if (line.isBlank()) {
                return;
              }
              lastLine = line;
              if (logged.getAndIncrement() < MAX_LOGGED_LINES) {
                LOG.warning(() -> name + ": ffmpeg: " + line);
              }
            });
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        parser.line(line).ifPresent(report -> progress = report);
      }
    } catch (IOException closed) {
      // the process ended
    }
  }

  private static void closeQuietly(ServerSocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a rung socket", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "could not delete " + directory);
    }
  }
}
