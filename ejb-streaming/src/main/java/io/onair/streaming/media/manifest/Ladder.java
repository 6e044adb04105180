package io.onair.streaming.media.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The renditions of one broadcast, in the order the manifests list them.
 *
 * <p>Every rendition carries an audio track, but the rungs usually carry the same audio (one AAC
 * encode of the source's sound). Listing each copy would make players switch audio on every video
 * switch, so both HLS (one EXT-X-MEDIA group) and DASH (one audio Representation) publish the first
 * rendition's track for each distinct {@link AudioTrack} and point the others at it.
 */
public record Ladder(List<Rendition> renditions) {

  public Ladder {
    renditions = List.copyOf(renditions);
    if (renditions.isEmpty()) {
      throw new IllegalArgumentException("a ladder needs at least one rendition");
    }
    Set<String> names = new HashSet<>();
    for (Rendition r : renditions) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate rendition name '" + r.name() + "'");
      }
    }
  }

  /**
   * The renditions in the order players should see them, whichever started or was recorded first:
   * the largest picture first (the source, then the rungs down the ladder), then the higher bit
   * rate. Players that start with the first listed start with the best.
   */
  public static Ladder largestFirst(List<Rendition> renditions) {
    List<Rendition> sorted = new ArrayList<>(renditions);
    sorted.sort(
        Comparator.comparingLong((Rendition r) -> -(long) r.video().width() * r.video().height())
            .thenComparingLong(r -> -r.video().peakBandwidth()));
    return new Ladder(sorted);
  }

  public static Ladder of(Rendition... renditions) {
    return new Ladder(List.of(renditions));
  }

  /** The renditions whose audio track is published: the first one of each distinct audio. */
  public List<Rendition> audioSources() {
    List<Rendition> sources = new ArrayList<>();
    for (Rendition r : renditions) {
      if (sources.stream().noneMatch(s -> s.audio().equals(r.audio()))) {
        sources.add(r);
      }
    }
    return sources;
  }

  /** The rendition whose audio track players get while playing {@code rendition}'s video. */
  public Rendition audioSourceFor(Rendition rendition) {
    return renditions.stream()
        .filter(r -> r.audio().equals(rendition.audio()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(rendition.name() + " is not in the ladder"));
  }
}
