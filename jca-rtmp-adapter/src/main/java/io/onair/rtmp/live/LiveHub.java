package io.onair.rtmp.live;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live streams by name: publishers start publications on a name, players subscribe to it.
 *
 * <p>Every method may be called from any thread and none blocks on I/O. The map of names is
 * concurrent; everything about one stream is guarded by that stream's lock (see {@link
 * LiveStream}), so streams never wait for each other. The hub has no thread of its own: messages
 * move on the publisher's thread, consumers poll on theirs.
 */
public final class LiveHub {

  private final LiveLimits limits;
  private final ConcurrentMap<String, LiveStream> streams = new ConcurrentHashMap<>();

  public LiveHub(LiveLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public LiveLimits limits() {
    return limits;
  }

  /**
   * Starts publishing on a name. When the name is already live the new publication takes it over
   * (whether a publisher may do so is decided before this call): subscribers stay and continue with
   * the new publisher's media, and the old publication becomes inert.
   */
  public Publication publish(String name) {
    requireName(name);
    while (true) {
      LiveStream stream =
          streams.computeIfAbsent(name, n -> new LiveStream(n, limits, this::forget));
      Optional<Publication> publication = stream.startPublication();
      if (publication.isPresent()) {
        return publication.get();
      }
      // The stream ended between the lookup and the start; its end removes it, or this does.
      streams.remove(name, stream);
    }
  }

  /**
   * Subscribes to a live stream. The subscription may already hold the subscriber's start: poll it
   * right away. Empty when the name is not live (RTMP answers NetStream.Play.StreamNotFound).
   */
  public Optional<Subscription> subscribe(String name, Subscriber subscriber) {
    requireName(name);
    Objects.requireNonNull(subscriber, "subscriber");
    LiveStream stream = streams.get(name);
    return stream == null ? Optional.empty() : stream.subscribe(subscriber);
  }

  public boolean isLive(String name) {
    LiveStream stream = streams.get(name);
    return stream != null && stream.isLive();
  }

  public Optional<StreamStats> find(String name) {
    LiveStream stream = streams.get(name);
    return stream != null && stream.isLive() ? Optional.of(stream.stats()) : Optional.empty();
  }

  /** The live streams, by name. */
  public List<StreamStats> liveStreams() {
    return streams.values().stream()
        .filter(LiveStream::isLive)
        .map(LiveStream::stats)
        .sorted(Comparator.comparing(StreamStats::name))
        .toList();
  }

  private void forget(LiveStream stream) {
    streams.remove(stream.name(), stream);
  }

  private static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("stream name must not be blank");
    }
  }
}
