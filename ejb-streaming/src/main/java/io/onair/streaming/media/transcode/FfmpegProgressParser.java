package io.onair.streaming.media.transcode;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, line by line, what an ffmpeg run with {@code -progress pipe:1} and its stderr merged into
 * stdout prints: blocks of {@code key=value} progress lines, each ended by {@code
 * progress=continue} or {@code progress=end}, with ffmpeg's own log lines between them. A finished
 * block becomes a {@link FfmpegProgress}; every other line goes to the log consumer.
 *
 * <p>What ffmpeg writes, as captured in the tests' testdata (5.1 and 8.0): {@code frame}, {@code
 * fps}, {@code stream_<output>_<stream>_q} for each output's video stream, {@code bitrate} such as
 * {@code 1473.5kbits/s}, {@code total_size}, {@code out_time_us}, {@code out_time_ms} (microseconds
 * too, despite its name), {@code out_time}, {@code dup_frames}, {@code drop_frames}, {@code speed}
 * such as {@code 1.02x}, then {@code progress}. Any value may be {@code N/A}; numbers may be padded
 * with spaces ({@code speed= 0.5x}). A block is written with one write of a few hundred bytes, so a
 * log line never lands inside one; log lines come between blocks.
 *
 * <p>A progress line is one starting with a lower-case key and {@code =}; log lines start with
 * {@code [}, a space or a file name. Keys this parser does not know are skipped, so a newer ffmpeg
 * adding one does not fill the log. A value that is {@code N/A}, missing from its block, longer
 * than {@value #MAX_VALUE} characters or not of its expected form is absent from the report. Log
 * lines are passed on cut to {@value #MAX_LOG_LINE} characters. The state is the values of one
 * block, so its size is fixed however many lines come.
 *
 * <p>Not thread-safe: one parser per ffmpeg process, fed by the one thread reading its output.
 */
public final class FfmpegProgressParser {

  static final int MAX_VALUE = 64;
  static final int MAX_LOG_LINE = 1000;
  private static final int MAX_KEY = 64;

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern STREAM_QUALITY = Pattern.compile("stream_(\\d{1,4})_\\d{1,4}_q");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(?:\\.\\d{1,9})?");
  private static final Pattern KILOBITS = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)kbits/s");

  /** {@code %4.3gx}: 1234 times real time is {@code 1.23e+03x}. */
  private static final Pattern SPEED =
      Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?(?:e[+-]\\d{1,3})?)x");

  private final Consumer<String> log;

  private OptionalLong frame;
  private OptionalDouble fps;
  private OptionalLong bitrate;
  private OptionalLong totalSize;
  private OptionalLong outTimeUs;
  private OptionalLong outTimeMs;
  private OptionalDouble speed;
  private OptionalLong dupFrames;
  private OptionalLong dropFrames;
  private int outputs;

  /**
   * @param log takes every line that is not progress, such as ffmpeg's warnings and errors
   */
  public FfmpegProgressParser(Consumer<String> log) {
    this.log = Objects.requireNonNull(log, "log");
    reset();
  }

  /**
   * Takes one line of output, without its line terminator.
   *
   * @return the report, when {@code line} ends a block
   */
  public Optional<FfmpegProgress> line(String line) {
    int eq = line.indexOf('=');
    if (eq <= 0 || eq > MAX_KEY || !KEY.matcher(line).region(0, eq).matches()) {
      if (!line.isBlank()) {
        log.accept(line.length() <= MAX_LOG_LINE ? line : line.substring(0, MAX_LOG_LINE) + "...");
      }
      return Optional.empty();
    }
    String key = line.substring(0, eq);
    String value = line.length() - eq - 1 > MAX_VALUE ? "" : line.substring(eq + 1).strip();
    if (key.equals("progress")) {
      FfmpegProgress report = report(value.equals("end"));
      reset();
      return Optional.of(report);
    }
    take(key, value);
    return Optional.empty();
  }

  private void take(String key, String value) {
    switch (key) {
      case "frame" -> frame = integer(value);
      case "fps" -> fps = decimal(DECIMAL, value);
      case "bitrate" -> bitrate = kilobits(value);
      case "total_size" -> totalSize = integer(value);
      case "out_time_us" -> outTimeUs = integer(value);
      case "out_time_ms" -> outTimeMs = integer(value);
      case "speed" -> speed = decimal(SPEED, value);
      case "dup_frames" -> dupFrames = integer(value);
      case "drop_frames" -> dropFrames = integer(value);
      default -> {
        Matcher stream = STREAM_QUALITY.matcher(key);
        if (stream.matches()) {
          outputs = Math.max(outputs, Integer.parseInt(stream.group(1)) + 1);
        }
      }
    }
  }

  private FfmpegProgress report(boolean end) {
    OptionalLong micros = outTimeUs.isPresent() ? outTimeUs : outTimeMs;
    Optional<Duration> outTime =
        micros.isPresent()
            ? Optional.of(Duration.of(micros.getAsLong(), ChronoUnit.MICROS))
            : Optional.empty();
    return new FfmpegProgress(
        frame, fps, bitrate, totalSize, outTime, speed, dupFrames, dropFrames, outputs, end);
  }

  private void reset() {
    frame = OptionalLong.empty();
    fps = OptionalDouble.empty();
    bitrate = OptionalLong.empty();
    totalSize = OptionalLong.empty();
    outTimeUs = OptionalLong.empty();
    outTimeMs = OptionalLong.empty();
    speed = OptionalDouble.empty();
    dupFrames = OptionalLong.empty();
    dropFrames = OptionalLong.empty();
    outputs = 0;
  }

  private static OptionalLong integer(String value) {
    return INTEGER.matcher(value).matches()
        ? OptionalLong.of(Long.parseLong(value))
        : OptionalLong.empty();
  }

  private static OptionalDouble decimal(Pattern form, String value) {
    Matcher m = form.matcher(value);
    if (!m.matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(m.groupCount() == 0 ? value : m.group(1)));
  }

  private static OptionalLong kilobits(String value) {
    OptionalDouble kbps = decimal(KILOBITS, value);
    return kbps.isPresent()
        ? OptionalLong.of(Math.round(kbps.getAsDouble() * 1000))
        : OptionalLong.empty();
  }
}
