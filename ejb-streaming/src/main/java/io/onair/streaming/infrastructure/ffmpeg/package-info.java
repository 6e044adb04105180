/**
 * The ffmpeg program the transcoding runs: which one ({@link
 * io.onair.streaming.infrastructure.ffmpeg.Ffmpeg}: configured, on PATH, or bundled from Maven
 * Central and extracted by {@link io.onair.streaming.infrastructure.ffmpeg.BundledFfmpeg}), checked
 * to run and to be new enough, and started with what it needs ({@link
 * io.onair.streaming.infrastructure.ffmpeg.FfmpegProgram}). Its argv is built in {@code
 * media.transcode}.
 */
package io.onair.streaming.infrastructure.ffmpeg;
