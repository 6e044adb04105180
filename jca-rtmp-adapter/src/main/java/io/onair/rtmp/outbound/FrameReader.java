package io.onair.rtmp.outbound;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.flv.AudioTagParser;
import io.onair.rtmp.flv.MediaTag;
import io.onair.rtmp.flv.VideoTagParser;
import io.onair.rtmp.message.RtmpMessage;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the messages of one feed, in order, into {@link MediaFrame}s: each audio or video tag is
 * parsed once, by the same FLV and Enhanced RTMP parsers the publisher's connection uses, and its
 * codec bytes are handed on without a copy. What a packager cannot use is passed over (see {@link
 * MediaTag#isMediaFrame()}). Data messages are no frames; {@code onMetaData} is kept.
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
      case VIDEO -> frame(VideoTagParser.parse(message.timestamp(), message.payload()));
      case AUDIO -> frame(AudioTagParser.parse(message.timestamp(), message.payload()));
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

  private Optional<MediaFrame> frame(MediaTag tag) {
    if (!tag.isMediaFrame()) {
      return Optional.empty();
    }
    MediaFrame frame = tag.toMediaFrame(timeline.extend(tag.dts()), discontinuity);
    discontinuity = false;
    return Optional.of(frame);
  }
}
