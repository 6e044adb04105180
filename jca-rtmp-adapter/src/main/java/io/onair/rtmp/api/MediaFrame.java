package io.onair.rtmp.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One audio or video frame of a live feed, as a packager or transcoder needs it, free of RTMP and
 * FLV: the FLV or Enhanced RTMP tag header is already read and gone.
 *
 * <p>The codec data is a read-only view of the bytes the publisher sent, not a copy. The live hub
 * shares one payload between every subscriber of a channel (RTMP players, packagers, transcoders),
 * and a read-only view keeps any of them from changing what the others get, at no cost per frame
 * and per subscriber. Each call to {@link #data()} returns a fresh view, so readers do not move
 * each other's position. Copy the bytes out ({@code frame.data().get(array)}) to keep them beyond
 * the frame; holding the frame holds its whole message payload.
 *
 * @param track audio or video
 * @param codec the codec's FourCC, the ISO BMFF sample entry name Enhanced RTMP uses: {@code avc1},
 *     {@code hvc1}, {@code av01}, {@code vp09}, {@code vp08}, {@code mp4a}, {@code .mp3}, {@code
 *     Opus}, {@code fLaC}, {@code ac-3}, {@code ec-3}
 * @param kind configuration, key frame, delta frame or end of sequence
 * @param dts decode time in milliseconds: the publisher's RTMP timestamps, carried on past their
 *     32-bit wrap (49.7 days), so they only grow within one timeline; see {@code discontinuity}
 * @param compositionOffset presentation minus decode time, milliseconds (B-frames of AVC and HEVC);
 *     0 for everything else
 * @param discontinuity whether this is the first frame from a publisher that took the channel over
 *     (an encoder that reconnected): its timestamps start wherever its encoder starts, usually at 0
 *     again, and its configuration may differ, so a packager starts a new period or discontinuity
 * @param data the codec's bytes: for {@code avc1} and {@code hvc1} configurations the
 *     AVCDecoderConfigurationRecord or HEVCDecoderConfigurationRecord (ISO/IEC 14496-15), for their
 *     frames the length-prefixed NAL units; for {@code mp4a} configurations the AudioSpecificConfig
 *     (ISO/IEC 14496-3), for its frames one raw AAC frame; for the other codecs what Enhanced RTMP
 *     v2 carries (av1C, vpcC, OpusHead...). Read-only
 */
public record MediaFrame(
    Track track,
    String codec,
    Kind kind,
    long dts,
    int compositionOffset,
    boolean discontinuity,
    ByteBuffer data) {

  /** Audio or video. */
  public enum Track {
    VIDEO,
    AUDIO
  }

  /** What a frame carries. */
  public enum Kind {
    /** Decoder configuration (avcC, hvcC, AudioSpecificConfig...): keep it for what follows. */
    CONFIG,
    /** A frame a decoder can start from. Every audio frame is one. */
    KEY,
    /** A frame that needs earlier ones. */
    DELTA,
    /** The coded sequence ends; a new configuration may follow. */
    END_OF_SEQUENCE
  }

  public MediaFrame {
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(kind, "kind");
    // Position 0 to the end of the codec bytes, and never writable, whatever the caller passed.
    data = Objects.requireNonNull(data, "data").slice().asReadOnlyBuffer();
  }

  /** The codec's bytes: a new read-only view each call, from position 0. */
  @Override
  public ByteBuffer data() {
    return data.duplicate();
  }

  /** How many bytes {@link #data()} holds. */
  public int size() {
    return data.remaining();
  }

  /** Presentation time, milliseconds. */
  public long pts() {
    return dts + compositionOffset;
  }

  public boolean isKeyFrame() {
    return kind == Kind.KEY;
  }

  /** Leaves the bytes out: a video frame in a log line helps nobody. */
  @Override
  public String toString() {
    return "MediaFrame["
        + track
        + " "
        + codec
        + " "
        + kind
        + " dts="
        + dts
        + " cts="
        + compositionOffset
        + (discontinuity ? " discontinuity" : "")
        + " "
        + size()
        + " bytes]";
  }
}
