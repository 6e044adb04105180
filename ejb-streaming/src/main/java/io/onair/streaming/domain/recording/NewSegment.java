package io.onair.streaming.domain.recording;

import io.onair.streaming.media.manifest.TrackRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A complete segment whose file is in place, to be indexed. It names its track by broadcast,
 * rendition and kind (not by the track's row id) so the packager can report it without ever reading
 * the database.
 *
 * @param path the file's path relative to the storage root
 */
public record NewSegment(
    long broadcastId,
    TrackRef track,
    long number,
    long startTime,
    long duration,
    Instant programDateTime,
    long byteSize,
    String path) {

  /**
   * The same rules as the table's checks, so a bad value fails here, not in a whole batch. The
   * wall-clock time is cut to the microseconds PostgreSQL keeps (it would round), so it reads back
   * as it was given.
   */
  public NewSegment {
    Objects.requireNonNull(track, "track");
    programDateTime = programDateTime.truncatedTo(ChronoUnit.MICROS);
    RecordedTrack.requirePath(path);
    if (broadcastId <= 0 || number < 0 || startTime < 0 || duration <= 0 || byteSize <= 0) {
      throw new IllegalArgumentException(
          "bad segment "
              + number
              + " of broadcast "
              + broadcastId
              + ": start "
              + startTime
              + ", duration "
              + duration
              + ", "
              + byteSize
              + " bytes");
    }
  }
}
