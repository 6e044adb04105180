package io.onair.streaming.media.manifest.hls;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/** What to do with a playlist request that may carry blocking-reload directives. */
public sealed interface ReloadDecision {

  /** Answer now with the current playlist. */
  record Respond() implements ReloadDecision {}

  /**
   * Hold the request until the playlist contains segment {@code msn} (and, with {@code part}, that
   * part of it or anything later), then ask again with the new timeline. Past {@code maxWait} the
   * live stream has stalled: answer 503 so the client retries.
   */
  record Wait(long msn, OptionalInt part, Duration maxWait) implements ReloadDecision {
    public Wait {
      Objects.requireNonNull(part, "part");
      Objects.requireNonNull(maxWait, "maxWait");
    }
  }

  /** Answer 400 Bad Request; the reason is for the log, not the client. */
  record Reject(String reason) implements ReloadDecision {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
