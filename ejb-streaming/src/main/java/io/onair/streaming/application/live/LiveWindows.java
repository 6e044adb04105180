package io.onair.streaming.application.live;

import io.onair.streaming.media.live.LiveWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live window of each channel on this server. The packaging job opens one when a broadcast's
 * first track starts; a later broadcast of the channel replaces it. An ended window stays for
 * {@link #KEPT_AFTER_END}, so players still reading it get its end (EXT-X-ENDLIST, the static MPD)
 * and the newest segments, then the channel has no live presentation until it goes live again.
 */
@ApplicationScoped
public class LiveWindows {

  static final Duration KEPT_AFTER_END = Duration.ofMinutes(10);

  private final ConcurrentMap<String, LiveWindow> byChannel = new ConcurrentHashMap<>();
  private final Clock clock;

  public LiveWindows() {
    this(Clock.systemUTC());
  }

  /** With another clock (tests). */
  public LiveWindows(Clock clock) {
    this.clock = clock;
  }

  /** Opens the window of a broadcast whose media time 0 is now. */
  public LiveWindow open(String channel, long broadcastId) {
    byChannel.values().removeIf(this::expired);
    LiveWindow window = new LiveWindow(channel, broadcastId, clock.instant());
    byChannel.put(channel, window);
    return window;
  }

  /** The channel's live window: live, or ended a short while ago. */
  public Optional<LiveWindow> of(String channel) {
    LiveWindow window = byChannel.get(channel);
    if (window != null && expired(window)) {
      byChannel.remove(channel, window);
      return Optional.empty();
    }
    return Optional.ofNullable(window);
  }

  /** How many channels have a live window on this server. */
  public int count() {
    return byChannel.size();
  }

  private boolean expired(LiveWindow window) {
    Optional<Instant> ended = window.endedAt();
    return ended.isPresent() && ended.get().plus(KEPT_AFTER_END).isBefore(clock.instant());
  }
}
