package io.onair.streaming.media.transcode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The argv of a broadcast's ffmpeg process, as a list for {@link ProcessBuilder}: never a shell
 * string, so nothing in it (a socket path, a filter) is ever interpreted by a shell.
 *
 * <p>One process per broadcast: the source arrives as FLV on stdin ({@code -f flv -i pipe:0}), is
 * decoded once, split in the filter graph ({@link LadderFilterGraph}), and every rung is encoded
 * and written as FLV to its own Unix-domain socket ({@link RungSockets}). Written for the ffmpeg
 * 5.1 of Debian 12 and later (the {@code org.bytedeco:ffmpeg} program is newer); the options:
 *
 * <ul>
 *   <li><b>Key frames where the source has them, and only there.</b> {@code -force_key_frames
 *       source} (ffmpeg 5.1+) makes a frame the source had as key frame a key frame of the rung;
 *       {@code -forced-idr 1} makes it an IDR, else x264 may encode a forced frame close to the
 *       previous key frame (within keyint_min) as a plain I frame, which is no segment start;
 *       {@code keyint=infinite:scenecut=0} stops x264 from adding key frames of its own, at scene
 *       cuts or after 250 frames. So segment N of every rung starts at the same frame as the
 *       source's.
 *   <li><b>No B-frames</b> ({@code -bf 0}). A rung then decodes in presentation order: its decode
 *       times are its presentation times, which are the source's, so no frame of a rung decodes
 *       before media time 0 (x264's B-frame delay would put its first frames there, where the
 *       packager cannot place them), and the encoder's reordering delay is not added to the live
 *       latency of every rung. The price is some compression, a few percent at these bit rates.
 *   <li><b>Timestamps are the source's.</b> {@code -copyts} keeps the input's timestamps, {@code
 *       -fps_mode passthrough} passes every frame with its own (no duplicating or dropping to a
 *       constant rate), and {@code -enc_time_base 1:1000} encodes in FLV's milliseconds, so no
 *       timestamp is rounded onto another grid and back.
 *   <li><b>{@link #OUTPUT_OFFSET} later.</b> An encoder's first packets come out before its first
 *       input: x264's decode times precede their presentation by the B-frame delay, AAC starts 1024
 *       samples early. ffmpeg's FLV muxer cannot write a negative time and instead shifts the whole
 *       output (both tracks) by the first negative one: measured, 67 ms for a source starting at 0,
 *       moving that rung's key frames off the source's. Every output is therefore shifted by a
 *       fixed offset far larger than any encoder delay, and whoever reads a rung subtracts it.
 *   <li><b>Rate control:</b> the rung's bit rate as target and cap ({@code -maxrate}), with a
 *       two-second VBV buffer ({@code -bufsize}, twice the rate) that lets key frames take more:
 *       the bit rate a rung is configured with is the one the manifests can promise.
 *   <li><b>Audio per rung.</b> Each output stream has its own encoder in the ffmpeg CLI; one AAC
 *       encode cannot feed two outputs. The audio is decoded once and encoded for each rung at the
 *       rung's audio bit rate, so every rung's FLV is complete and packaged like the source; AAC
 *       costs little beside x264. Rungs with the same audio bit rate produce the same track, which
 *       the manifests then publish once. {@code 0:a:0?} lets a source without audio through.
 *   <li><b>Live output:</b> {@code -flush_packets 1} hands every packet to the socket at once
 *       rather than when ffmpeg's 32 KiB buffer fills (audio would otherwise trail by seconds);
 *       {@code -flvflags no_duration_filesize} stops the muxer seeking back at the end, which a
 *       socket cannot. ffmpeg's interleaving is left alone: its FLV muxer refuses a packet older
 *       than the first one it wrote, which a shorter {@code -max_interleave_delta} can cause.
 *   <li>{@code -nostdin}: stdin is the media, never keyboard commands; {@code -loglevel warning}
 *       and {@code -nostats} keep stderr to what the job should log; {@code -progress pipe:1}
 *       writes the encoding progress (frames, speed, bit rate) to stdout as {@code key=value} lines
 *       twice a second, for the job's supervision.
 * </ul>
 */
public final class FfmpegArguments {

  /** Added to every output timestamp; see the class comment. */
  public static final Duration OUTPUT_OFFSET = Duration.ofSeconds(10);

  private FfmpegArguments() {}

  /**
   * The argv for {@code plan}.
   *
   * @param program the ffmpeg executable
   * @throws IllegalArgumentException if the plan has no rungs: such a broadcast needs no ffmpeg
   */
  public static List<String> of(Path program, TranscodePlan plan, RungSockets sockets) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(sockets, "sockets");
    if (plan.isEmpty()) {
      throw new IllegalArgumentException(
          "a plan without rungs needs no ffmpeg: the source is published alone");
    }
    List<String> argv = new ArrayList<>();
    argv.add(program.toString());
    argv.addAll(List.of("-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning"));
    argv.addAll(List.of("-progress", "pipe:1"));
    argv.addAll(List.of("-copyts", "-f", "flv", "-i", "pipe:0"));
    argv.addAll(List.of("-filter_complex", LadderFilterGraph.of(plan.rungs())));
    for (PlannedRung rung : plan.rungs()) {
      output(argv, rung, sockets.url(rung.name()));
    }
    return List.copyOf(argv);
  }

  private static void output(List<String> argv, PlannedRung planned, String url) {
    Rung rung = planned.rung();
    argv.addAll(List.of("-map", "[" + rung.name() + "]", "-map", "0:a:0?"));
    argv.addAll(
        List.of(
            "-c:v",
            "libx264",
            "-preset:v",
            rung.preset().x264Name(),
            "-profile:v",
            rung.profile().x264Name()));
    argv.addAll(
        List.of(
            "-b:v",
            kbps(rung.videoBitrate()),
            "-maxrate:v",
            kbps(rung.videoBitrate()),
            "-bufsize:v",
            kbps(2 * rung.videoBitrate())));
    argv.addAll(
        List.of(
            "-bf:v",
            "0",
            "-x264-params:v",
            "keyint=infinite:scenecut=0",
            "-force_key_frames:v",
            "source",
            "-forced-idr:v",
            "1"));
    argv.addAll(List.of("-fps_mode:v", "passthrough", "-enc_time_base:v", "1:1000"));
    argv.addAll(List.of("-c:a", "aac", "-b:a", kbps(rung.audioBitrate())));
    argv.addAll(List.of("-output_ts_offset", Long.toString(OUTPUT_OFFSET.toSeconds())));
    argv.addAll(List.of("-flush_packets", "1", "-flvflags", "no_duration_filesize"));
    argv.addAll(List.of("-f", "flv", url));
  }

  /** Bit rates are whole kbit/s ({@link Rung}), written as ffmpeg's {@code k}. */
  private static String kbps(long bps) {
    return bps / 1000 + "k";
  }
}
