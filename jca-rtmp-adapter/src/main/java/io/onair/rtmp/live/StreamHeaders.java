package io.onair.rtmp.live;

import io.onair.rtmp.message.RtmpMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a decoder needs before any frame: the metadata message and the video and audio sequence
 * headers, each the latest seen, or null when none was. A stream keeps the current ones; a
 * subscription keeps the ones it was given, so it can be sent again exactly those that changed.
 * Messages are compared by identity: a stream keeps the instance it stored while the bytes stay the
 * same.
 */
record StreamHeaders(RtmpMessage metadata, RtmpMessage video, RtmpMessage audio) {

  static final StreamHeaders NONE = new StreamHeaders(null, null, null);

  /** These headers with {@code message} as the one of its role. */
  StreamHeaders with(MessageRole role, RtmpMessage message) {
    return switch (role) {
      case METADATA -> new StreamHeaders(message, video, audio);
      case VIDEO_HEADER -> new StreamHeaders(metadata, message, audio);
      case AUDIO_HEADER -> new StreamHeaders(metadata, video, message);
      default -> throw new IllegalArgumentException(role + " is not a header");
    };
  }

  /** The current header of a role; null when there is none or the role is not a header's. */
  RtmpMessage of(MessageRole role) {
    return switch (role) {
      case METADATA -> metadata;
      case VIDEO_HEADER -> video;
      case AUDIO_HEADER -> audio;
      default -> null;
    };
  }

  /** These headers without {@code message}: it was never delivered after all. */
  StreamHeaders without(RtmpMessage message) {
    if (message != metadata && message != video && message != audio) {
      return this;
    }
    return new StreamHeaders(
        metadata == message ? null : metadata,
        video == message ? null : video,
        audio == message ? null : audio);
  }

  /** The headers here that {@code given} lacks, in the order a player wants them. */
  List<RtmpMessage> missingFrom(StreamHeaders given) {
    List<RtmpMessage> missing = new ArrayList<>(3);
    addIfNew(missing, metadata, given.metadata);
    addIfNew(missing, video, given.video);
    addIfNew(missing, audio, given.audio);
    return missing;
  }

  private static void addIfNew(List<RtmpMessage> into, RtmpMessage current, RtmpMessage given) {
    if (current != null && current != given) {
      into.add(current);
    }
  }
}
