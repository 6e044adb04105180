package io.onair.portal.delivery;

import io.onair.streaming.media.live.LiveWindow;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The live manifests as last rendered, one per broadcast, URL and playback, each valid until its
 * live window changes. Every player of a channel reloads the same few playlists several times a
 * second; between two changes of the window (a part, about every half second) they all get the same
 * bytes, rendered and compressed once.
 *
 * <p>Bounded: past {@link #CAPACITY} entries (ended broadcasts' among them) the whole cache is
 * dropped and refills from the live windows.
 */
final class LiveManifests {

  static final int CAPACITY = 1024;

  /** What a manifest is: the broadcast, its path with the query that changes it. */
  private record Key(long broadcastId, String path) {}

  /**
   * A rendering, and the window version it was rendered at or after; empty: nothing to list yet.
   */
  private record Rendered(long version, Optional<ManifestResponse> manifest) {}

  private final Map<Key, Rendered> rendered = new ConcurrentHashMap<>();

  /**
   * The manifest of {@code path} in {@code window} at its current version, rendered by {@code
   * render} unless a rendering at that version is known; empty while there is nothing to list.
   *
   * @param version the window's version, read before anything the caller decided from it
   */
  Optional<ManifestResponse> of(
      LiveWindow window, long version, String path, Supplier<Optional<ManifestResponse>> render) {
    Key key = new Key(window.broadcastId(), path);
    Rendered known = rendered.get(key);
    if (known != null && known.version() == version) {
      return known.manifest();
    }
    // Rendered from the window as it is now, which is at least what `version` had: labelling
    // it with `version` can only make a later request render again, never serve older data.
    Optional<ManifestResponse> made = render.get();
    if (rendered.size() >= CAPACITY) {
      rendered.clear();
    }
    rendered.put(key, new Rendered(version, made));
    return made;
  }
}
