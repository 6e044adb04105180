/**
 * Adaptive-bitrate transcoding, as plain classes: the configured ladder ({@link
 * io.onair.streaming.media.transcode.TranscodeLadder}, read and written by {@link
 * io.onair.streaming.media.transcode.LadderSyntax}), the rungs a given source gets ({@link
 * io.onair.streaming.media.transcode.TranscodePlan}: never upscaled, never above the source's frame
 * rate), and the argv of the one ffmpeg process per broadcast that makes them ({@link
 * io.onair.streaming.media.transcode.FfmpegArguments}), whose outputs come back on Unix-domain
 * sockets ({@link io.onair.streaming.media.transcode.RungSockets}).
 *
 * <p>Nothing here starts a process or touches CDI: running, feeding and supervising ffmpeg on a
 * managed executor is the application layer's job.
 */
package io.onair.streaming.media.transcode;
