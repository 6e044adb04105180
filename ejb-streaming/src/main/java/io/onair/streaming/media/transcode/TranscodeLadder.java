package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rungs an operator configured, globally or for a channel, highest first as the manifests list
 * them. Which of them a broadcast gets depends on its source: see {@link TranscodePlan}. An empty
 * ladder transcodes nothing; the source is still published.
 */
public record TranscodeLadder(List<Rung> rungs) {

  /**
   * 720p, 480p and 360p at 30 fps at most, for a 16:9 source; each only below the source's size.
   * Every rung has the same 128 kbit/s audio, so the manifests publish a single audio encode for
   * them all. The lowest rung is Main profile, for the oldest devices.
   */
  public static final TranscodeLadder DEFAULT =
      new TranscodeLadder(
          List.of(
              Rung.of("720p", 1280, 720, 3_000_000).withMaxFrameRate(FrameRate.of(30)),
              Rung.of("480p", 854, 480, 1_400_000).withMaxFrameRate(FrameRate.of(30)),
              Rung.of("360p", 640, 360, 800_000)
                  .withMaxFrameRate(FrameRate.of(30))
                  .withProfile(X264Profile.MAIN)));

  public TranscodeLadder {
    rungs = List.copyOf(rungs);
    Set<String> names = new HashSet<>();
    for (Rung rung : rungs) {
      if (!names.add(rung.name())) {
        throw new IllegalArgumentException("rung name '" + rung.name() + "' is used twice");
      }
    }
  }

  public static TranscodeLadder of(Rung... rungs) {
    return new TranscodeLadder(List.of(rungs));
  }

  /** No transcoding: the source only. */
  public static TranscodeLadder none() {
    return new TranscodeLadder(List.of());
  }
}
