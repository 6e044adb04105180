package io.onair.portal.delivery;

import io.onair.streaming.application.recording.ReplayService;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The timelines of the replays being watched, kept so that a player reloading a playlist does not
 * read every segment row of the broadcast again: an ended broadcast's index never changes. The most
 * recently used {@link #CAPACITY} replays stay; a replay deleted by retention meanwhile only has
 * its segments answer 404.
 */
@ApplicationScoped
public class ReplayTimelines {

  static final int CAPACITY = 64;

  @Inject private ReplayService replays;

  private final Map<Long, BroadcastTimelines> recent =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BroadcastTimelines> eldest) {
          return size() > CAPACITY;
        }
      };

  /** An ended broadcast's timelines; empty if it has no playable recording. */
  Optional<BroadcastTimelines> of(long broadcastId) {
    synchronized (recent) {
      BroadcastTimelines known = recent.get(broadcastId);
      if (known != null) {
        return Optional.of(known);
      }
    }
    Optional<BroadcastTimelines> read = replays.timelines(broadcastId);
    read.ifPresent(
        timelines -> {
          synchronized (recent) {
            recent.put(broadcastId, timelines);
          }
        });
    return read;
  }
}
