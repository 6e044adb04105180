package io.onair.streaming.media.manifest.hls;

import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.OpenSegment;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Blocking playlist reload (draft-pantos-hls-rfc8216bis 6.2.5.2): decides, from the {@code
 * _HLS_msn} and {@code _HLS_part} query values and the track's current timeline, whether a media
 * playlist request is answered now, held, or refused. Delivery holds a {@link ReloadDecision.Wait}
 * by asking again whenever the index of the track changes.
 *
 * <ul>
 *   <li>No directive: answer now. {@code _HLS_part} without {@code _HLS_msn}, or a value that is
 *       not a decimal-integer (RFC 8216 4.2): 400.
 *   <li>The broadcast has ended: answer now. The playlist will never change again, so holding the
 *       request would only delay the EXT-X-ENDLIST the client needs to see.
 *   <li>{@code _HLS_msn} beyond the last segment plus two, or {@code _HLS_part} beyond the last
 *       part by more than the Advance Part Limit (three divided by the Part Target Duration when it
 *       is under a second, else three): 400, as 6.2.5.2 asks. For a part in a segment that has no
 *       parts yet, the distance assumes the configured parts per segment.
 *   <li>Segment {@code _HLS_msn} is complete, or contains part {@code _HLS_part}: answer now
 *       (requests for segments older than the window are answered now too).
 *   <li>Otherwise wait; at most three target durations, a stall after which retrying is the only
 *       useful thing a client can do.
 * </ul>
 */
public final class BlockingReload {

  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]{1,18}");

  private final LiveSettings settings;

  public BlockingReload(LiveSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param hlsMsn the raw {@code _HLS_msn} query value, null when absent
   * @param hlsPart the raw {@code _HLS_part} query value, null when absent
   */
  public ReloadDecision decide(String hlsMsn, String hlsPart, TrackTimeline timeline) {
    if (hlsMsn == null) {
      return hlsPart == null
          ? new ReloadDecision.Respond()
          : new ReloadDecision.Reject("_HLS_part without _HLS_msn");
    }
    OptionalLong msn = decimalInteger(hlsMsn);
    OptionalLong part = hlsPart == null ? OptionalLong.empty() : decimalInteger(hlsPart);
    if (msn.isEmpty() || (hlsPart != null && (part.isEmpty() || part.getAsLong() > 1 << 30))) {
      return new ReloadDecision.Reject("not a decimal-integer: " + hlsMsn + ", " + hlsPart);
    }
    if (timeline.ended()) {
      return new ReloadDecision.Respond();
    }
    OptionalInt partIndex =
        part.isEmpty() ? OptionalInt.empty() : OptionalInt.of((int) part.getAsLong());
    return decideLive(msn.getAsLong(), partIndex, timeline);
  }

  private ReloadDecision decideLive(long msn, OptionalInt part, TrackTimeline timeline) {
    long lastMsn = timeline.nextNumber() - 1;
    if (msn > lastMsn + 2) {
      return new ReloadDecision.Reject(
          "_HLS_msn " + msn + " is more than two segments past " + lastMsn);
    }
    if (msn <= lastMsn || (part.isPresent() && publishedPart(timeline, msn, part.getAsInt()))) {
      return new ReloadDecision.Respond();
    }
    if (part.isPresent() && partsAhead(timeline, msn, part.getAsInt()) > advancePartLimit()) {
      return new ReloadDecision.Reject(
          "_HLS_part " + part.getAsInt() + " of " + msn + " is past the Advance Part Limit");
    }
    PlaylistTiming timing = PlaylistTiming.of(timeline, settings);
    Duration maxWait = Duration.ofSeconds(3 * timing.targetDurationSeconds());
    return new ReloadDecision.Wait(msn, part, maxWait);
  }

  private static boolean publishedPart(TrackTimeline timeline, long msn, int part) {
    Optional<OpenSegment> open = timeline.open();
    return open.isPresent() && open.get().number() == msn && part < open.get().parts().size();
  }

  /** How many parts past the last published one the requested part is. */
  private long partsAhead(TrackTimeline timeline, long msn, int part) {
    long current = timeline.nextNumber();
    int published = timeline.open().map(o -> o.parts().size()).orElse(0);
    if (msn == current) {
      return part + 1L - published;
    }
    long perSegment = partsPerSegment();
    long restOfCurrent = Math.max(0, perSegment - published);
    return restOfCurrent + (msn - current - 1) * perSegment + part + 1;
  }

  private long partsPerSegment() {
    long target = settings.segmentTarget().toMillis();
    long partTarget = settings.partTarget().toMillis();
    return (target + partTarget - 1) / partTarget;
  }

  /** rfc8216bis 6.2.5.2: 3 / PART-TARGET parts when the target is under a second, else 3. */
  private long advancePartLimit() {
    long partTargetMillis = Math.max(1, settings.partTarget().toMillis());
    return partTargetMillis < 1000 ? 3000 / partTargetMillis : 3;
  }

  private static OptionalLong decimalInteger(String value) {
    return DECIMAL_INTEGER.matcher(value).matches()
        ? OptionalLong.of(Long.parseLong(value))
        : OptionalLong.empty();
  }
}
