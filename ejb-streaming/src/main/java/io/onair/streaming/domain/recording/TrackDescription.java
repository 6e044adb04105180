package io.onair.streaming.domain.recording;

import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.util.Objects;

/**
 * What the packager knows about a track when it starts: which track it is, the timescale of its
 * times, and what the manifests say about it. The bandwidth figures are the packager's declaration
 * (the transcoder's target, the encoder's announced rate).
 */
public sealed interface TrackDescription {

  TrackRef track();

  /** Units per second of the track's times (the {@code mdhd} timescale). */
  int timescale();

  /** A rendition's video track. */
  record Video(String rendition, int timescale, VideoTrack format) implements TrackDescription {
    public Video {
      Objects.requireNonNull(format, "format");
      requireStorable(timescale, format.codecs());
      new TrackRef(rendition, TrackKind.VIDEO); // checks the name now, not when it is stored
    }

    @Override
    public TrackRef track() {
      return new TrackRef(rendition, TrackKind.VIDEO);
    }
  }

  /** A rendition's audio track. */
  record Audio(String rendition, int timescale, AudioTrack format) implements TrackDescription {
    public Audio {
      Objects.requireNonNull(format, "format");
      requireStorable(timescale, format.codecs());
      new TrackRef(rendition, TrackKind.AUDIO);
    }

    @Override
    public TrackRef track() {
      return new TrackRef(rendition, TrackKind.AUDIO);
    }
  }

  /** What the table's columns can hold: codecs up to 64 characters, a positive timescale. */
  private static void requireStorable(int timescale, String codecs) {
    if (codecs.length() > 64) {
      throw new IllegalArgumentException("codecs string longer than 64 characters: " + codecs);
    }
    if (timescale <= 0) {
      throw new IllegalArgumentException("timescale must be positive, was " + timescale);
    }
  }
}
