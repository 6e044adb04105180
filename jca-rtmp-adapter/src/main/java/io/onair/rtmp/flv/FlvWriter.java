package io.onair.rtmp.flv;

import io.onair.rtmp.api.MediaFrame;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes {@link MediaFrame}s as an FLV byte stream (Adobe FLV 10.1 annex E): the file header and
 * PreviousTagSize0 (E.2, E.3), then one tag (E.4.1) per frame, followed by its PreviousTagSize. AVC
 * and AAC go in legacy tags (E.4.2.1, E.4.3.1), HEVC, AV1 and VP9 in Enhanced RTMP ones (E-RTMP
 * v1); {@link #canWrite} says which frames fit. It is how a transcoder feeds ffmpeg's stdin.
 *
 * <p>Each tag reaches the stream in one {@code write} call, its header, body and PreviousTagSize
 * assembled in one array: a pipe reader then never waits on half a tag for our sake. Nothing is
 * flushed here; when to flush is the caller's decision (after each frame for the lowest latency).
 *
 * <p>Not thread-safe: one thread writes a stream.
 */
public final class FlvWriter implements Flushable, Closeable {

  /** Timestamps are signed 32-bit in FLV, and a stream's decode times never negative. */
  public static final long MAX_DTS = Integer.MAX_VALUE;

  private static final int PREVIOUS_TAG_SIZE = 4;

  private final OutputStream out;

  /**
   * Writes the file header and PreviousTagSize0 at once, in one call and not flushed.
   *
   * @param audio whether audio tags will follow (TypeFlagsAudio); ffmpeg waits for a track the
   *     header announces before it starts, so announce only what will come
   * @param video whether video tags will follow (TypeFlagsVideo)
   */
  public FlvWriter(OutputStream out, boolean audio, boolean video) throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    byte[] header = new byte[FlvHeader.SIZE + PREVIOUS_TAG_SIZE];
    byte[] fields = new FlvHeader(audio, video).encode();
    System.arraycopy(fields, 0, header, 0, fields.length);
    out.write(header, 0, header.length);
  }

  /**
   * Whether FLV carries this frame: {@code avc1}, {@code hvc1}, {@code av01} and {@code vp09}
   * video, {@code mp4a} audio, and a composition offset only on AVC and HEVC frames and within 24
   * bits. AAC has no end of sequence in FLV.
   */
  public static boolean canWrite(MediaFrame frame) {
    return bodyHeader(frame).isPresent();
  }

  /**
   * Writes one tag.
   *
   * @param dts the decode time to write, milliseconds, instead of the frame's own: the caller
   *     rewrites timestamps
   * @throws IllegalArgumentException when {@code dts} is outside [0, {@link #MAX_DTS}], when {@link
   *     #canWrite} is false for the frame, or when it is too big for a tag (16 MiB); nothing is
   *     then written
   */
  public void write(MediaFrame frame, long dts) throws IOException {
    if (dts < 0 || dts > MAX_DTS) {
      throw new IllegalArgumentException("dts " + dts + " outside FLV's [0, " + MAX_DTS + "]");
    }
    byte[] bodyHeader =
        bodyHeader(frame)
            .orElseThrow(() -> new IllegalArgumentException("FLV cannot carry " + frame));
    long dataSize = (long) bodyHeader.length + frame.size();
    if (dataSize > FlvTagHeader.MAX_DATA_SIZE) {
      throw new IllegalArgumentException(
          "tag body of " + dataSize + " bytes over FLV's " + FlvTagHeader.MAX_DATA_SIZE);
    }
    int type = frame.track() == MediaFrame.Track.VIDEO ? FlvTagHeader.VIDEO : FlvTagHeader.AUDIO;
    int tagSize = FlvTagHeader.SIZE + (int) dataSize;
    byte[] tag = new byte[tagSize + PREVIOUS_TAG_SIZE];
    new FlvTagHeader(type, (int) dataSize, (int) dts).encode(tag, 0);
    System.arraycopy(bodyHeader, 0, tag, FlvTagHeader.SIZE, bodyHeader.length);
    frame.data().get(tag, FlvTagHeader.SIZE + bodyHeader.length, frame.size());
    tag[tagSize] = (byte) (tagSize >> 24);
    tag[tagSize + 1] = (byte) (tagSize >> 16);
    tag[tagSize + 2] = (byte) (tagSize >> 8);
    tag[tagSize + 3] = (byte) tagSize;
    out.write(tag, 0, tag.length);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Closes the stream: for ffmpeg reading stdin, the end of its input. */
  @Override
  public void close() throws IOException {
    out.close();
  }

  private static Optional<byte[]> bodyHeader(MediaFrame frame) {
    return frame.track() == MediaFrame.Track.VIDEO
        ? VideoTagEncoder.header(frame)
        : AudioTagEncoder.header(frame);
  }
}
