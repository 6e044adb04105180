package io.onair.streaming.domain.recording;

import io.onair.streaming.media.manifest.Segment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One complete segment of a {@link RecordedTrack}, identified by its track and sequence number.
 * Rows are only ever inserted by {@link RecordingRepository#addSegments} (in batches, off the media
 * path) and read or deleted here, so the entity has no public constructor.
 */
@Entity
@Table(name = "recorded_segment")
@IdClass(RecordedSegment.Key.class)
public class RecordedSegment {

  /** The primary key: the track and the segment's number in it. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private long trackId;
    private long number;

    public Key() {}

    public Key(long trackId, long number) {
      this.trackId = trackId;
      this.number = number;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.trackId == trackId && k.number == number;
    }

    @Override
    public int hashCode() {
      return Objects.hash(trackId, number);
    }
  }

  @Id
  @Column(name = "track_id", nullable = false)
  private long trackId;

  @Id
  @Column(name = "sequence_number", nullable = false)
  private long number;

  @Column(name = "start_time", nullable = false)
  private long startTime;

  @Column(name = "duration", nullable = false)
  private long duration;

  @Column(name = "program_date_time", nullable = false)
  private Instant programDateTime;

  @Column(name = "byte_size", nullable = false)
  private long byteSize;

  @Column(name = "path", nullable = false, length = 255)
  private String path;

  protected RecordedSegment() {}

  public long trackId() {
    return trackId;
  }

  public long number() {
    return number;
  }

  /** Decode time of its first sample, in its track's timescale. */
  public long startTime() {
    return startTime;
  }

  /** In its track's timescale. */
  public long duration() {
    return duration;
  }

  /** The wall-clock time of its first sample. */
  public Instant programDateTime() {
    return programDateTime;
  }

  public long byteSize() {
    return byteSize;
  }

  /** The file's path relative to the storage root. */
  public String path() {
    return path;
  }

  /** The wall-clock time its last sample ends, given its track's {@code timescale}. */
  public Instant endsAt(long timescale) {
    return programDateTime.plus(time(duration, timescale));
  }

  /**
   * The wall-clock time of decode time {@code startTime} of the same track: a track's wall clock
   * runs with its decode times, so another segment's time follows from this one's.
   */
  public Instant wallClockAt(long otherStartTime, long timescale) {
    return programDateTime.plus(time(otherStartTime - startTime, timescale));
  }

  /** The segment as the manifests see it; the index keeps no LL-HLS parts. */
  public Segment toSegment() {
    return new Segment(number, startTime, duration, programDateTime, byteSize, List.of());
  }

  /**
   * {@code units} of {@code timescale} as a duration, truncated to the nanosecond, without overflow
   * for any real length (whole seconds and the remainder are converted apart).
   */
  public static Duration time(long units, long timescale) {
    if (timescale <= 0) {
      throw new IllegalArgumentException("timescale must be positive, was " + timescale);
    }
    return Duration.ofSeconds(units / timescale, (units % timescale) * 1_000_000_000L / timescale);
  }
}
