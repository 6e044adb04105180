package io.onair.streaming.media.manifest.hls;

import io.onair.streaming.media.manifest.OpenSegment;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where another rendition of the same type stands (draft-pantos-hls-rfc8216bis 4.4.5.4), so a
 * low-latency client switching to it can issue its first blocking request for the right segment and
 * part instead of loading it once to find out.
 *
 * @param lastMsn the Media Sequence Number of the newest segment with anything published: the open
 *     segment once it has a part, else the last complete one
 * @param lastPart the index of the newest published part of that segment, when parts are known
 */
public record RenditionReport(TrackRef track, long lastMsn, OptionalInt lastPart) {

  public RenditionReport {
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(lastPart, "lastPart");
  }

  /** The report of {@code track}, or empty while it has published nothing. */
  public static Optional<RenditionReport> of(TrackRef track, TrackTimeline timeline) {
    Optional<OpenSegment> open = timeline.open().filter(o -> !o.parts().isEmpty());
    if (open.isPresent()) {
      return Optional.of(
          new RenditionReport(
              track, open.get().number(), OptionalInt.of(open.get().parts().size() - 1)));
    }
    return timeline
        .last()
        .map(
            (Segment s) ->
                new RenditionReport(
                    track,
                    s.number(),
                    s.parts().isEmpty()
                        ? OptionalInt.empty()
                        : OptionalInt.of(s.parts().size() - 1)));
  }
}
