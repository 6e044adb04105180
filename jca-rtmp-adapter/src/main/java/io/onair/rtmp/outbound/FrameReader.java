package io.onair.rtmp.outbound;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.flv.AudioTagParser;
import io.onair.rtmp.flv.Codec;
import io.onair.rtmp.flv.FrameKind;
import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.flv.VideoTagParser;
import io.onair.rtmp.message.RtmpMessage;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the messages of one feed, in order, into {@link MediaFrame}s: each audio or video tag is
 * parsed once, by the same FLV and Enhanced RTMP parsers the publisher's connection uses, and its
 * codec bytes are handed on without a copy. What a packager cannot use is passed over: tags of
 * unknown codecs and those the parsers call {@link FrameKind#OTHER} (HDR metadata, video command
 * frames, multitrack and ModEx packets). Data messages are no frames; {@code onMetaData} is kept.
 *
 * <p>Not thread-safe, but for {@link #metadata()}: the feed's one polling thread reads.
 */
final class FrameReader {

  private final StreamTimeline timeline = new StreamTimeline();
  private final StreamMetadata metadata = new StreamMetadata();

  /** A new publisher's timeline began at a message that was no frame: the next frame says so. */
  private boolean discontinuity;

  /**
   * The frame a message carries, if it carries one.
   *
   * @param newTimeline whether the message is the first of a publisher that took the stream over
   */
  Optional<MediaFrame> read(RtmpMessage message, boolean newTimeline) {
    if (newTimeline) {
      discontinuity = true;
      timeline.restart();
    }
    return switch (message.type()) {
      case VIDEO ->
          frame(
              MediaFrame.Track.VIDEO, VideoTagParser.parse(message.timestamp(), message.payload()));
      case AUDIO ->
          frame(
              MediaFrame.Track.AUDIO, AudioTagParser.parse(message.timestamp(), message.payload()));
      case DATA_AMF0, DATA_AMF3 -> {
        metadata.read(message);
        yield Optional.empty();
      }
      default -> Optional.empty();
    };
  }

  Map<String, Object> metadata() {
    return metadata.properties();
  }

  private Optional<MediaFrame> frame(MediaFrame.Track track, MediaTag tag) {
    Optional<MediaFrame.Kind> kind = kindOf(tag.kind());
    if (tag.codec().isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    Codec codec = tag.codec().get();
    MediaFrame frame =
        new MediaFrame(
            track,
            codec.fourCc(),
            kind.get(),
            timeline.extend(tag.dts()),
            tag.compositionOffset(),
            discontinuity,
            tag.data());
    discontinuity = false;
    return Optional.of(frame);
  }

  private static Optional<MediaFrame.Kind> kindOf(FrameKind kind) {
    return switch (kind) {
      case SEQUENCE_START -> Optional.of(MediaFrame.Kind.CONFIG);
      case KEY_FRAME -> Optional.of(MediaFrame.Kind.KEY);
      case INTER_FRAME -> Optional.of(MediaFrame.Kind.DELTA);
      case SEQUENCE_END -> Optional.of(MediaFrame.Kind.END_OF_SEQUENCE);
      case OTHER -> Optional.empty();
    };
  }
}
