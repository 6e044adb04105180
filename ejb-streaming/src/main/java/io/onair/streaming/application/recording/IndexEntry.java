package io.onair.streaming.application.recording;

import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.TrackDescription;
import java.util.Objects;

/**
 * What the packager reports for the index, once the file it names is in place. Public only because
 * the queue is a CDI bean whose proxy calls public methods; the packager calls {@link Recorder}.
 */
public sealed interface IndexEntry {

  long broadcastId();

  /** A track started; its CMAF header is stored at {@code initPath}. */
  record TrackStarted(long broadcastId, TrackDescription description, String initPath)
      implements IndexEntry {
    public TrackStarted {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(initPath, "initPath");
    }
  }

  /** A segment is stored. */
  record SegmentStored(NewSegment segment) implements IndexEntry {
    public SegmentStored {
      Objects.requireNonNull(segment, "segment");
    }

    @Override
    public long broadcastId() {
      return segment.broadcastId();
    }
  }
}
