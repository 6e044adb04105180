package io.onair.streaming.media.transcode;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One block of ffmpeg's {@code -progress} report, sent about twice a second and once at the end
 * ({@link FfmpegProgressParser} reads them). Every value is optional: ffmpeg writes {@code N/A}
 * until it knows one (ffmpeg 8 for the output time of its first block), and a value that is missing
 * or unreadable is absent too rather than a made-up zero.
 *
 * <p>With several outputs, as the transcoding has (one per rung), the report is still one block:
 * {@code frame}, {@code fps}, {@code bitrate}, {@code total_size} and {@code out_time} are those of
 * the first output only; each output's video stream has just its quantizer ({@code
 * stream_<output>_<stream>_q}), from which {@link #outputs} is counted.
 *
 * @param frame video frames written to the first output
 * @param fps frames encoded per second, averaged since the start
 * @param bitrate the first output's average bit rate so far, in bit/s
 * @param totalSize bytes written to the first output
 * @param outTime how far the output has got. With {@code -copyts}, as the transcoding runs, ffmpeg
 *     counts it from the position of its first report rather than from the start (measured with 5.1
 *     and 8.0: 2.9 s at the end of a 5 s input encoded faster than real time), so it tells that the
 *     output advances and how fast, not where it is
 * @param speed output time per wall-clock time: below 1 a live encode is falling behind
 * @param dupFrames frames duplicated to keep a constant rate (none with {@code -fps_mode
 *     passthrough})
 * @param dropFrames frames dropped, likewise
 * @param outputs how many outputs reported a video stream ({@code stream_N_M_q} keys)
 * @param end whether this is the last report ({@code progress=end}): ffmpeg is finishing
 */
public record FfmpegProgress(
    OptionalLong frame,
    OptionalDouble fps,
    OptionalLong bitrate,
    OptionalLong totalSize,
    Optional<Duration> outTime,
    OptionalDouble speed,
    OptionalLong dupFrames,
    OptionalLong dropFrames,
    int outputs,
    boolean end) {

  public FfmpegProgress {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(fps, "fps");
    Objects.requireNonNull(bitrate, "bitrate");
    Objects.requireNonNull(totalSize, "totalSize");
    Objects.requireNonNull(outTime, "outTime");
    Objects.requireNonNull(speed, "speed");
    Objects.requireNonNull(dupFrames, "dupFrames");
    Objects.requireNonNull(dropFrames, "dropFrames");
    if (outputs < 0) {
      throw new IllegalArgumentException("outputs must not be negative, was " + outputs);
    }
  }
}
